package dev.bandmaster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A consistent view of one registered service at one moment: what it was registered with
 * and what happened during its latest start. Immutable.
 *
 * @param name the service's name
 * @param required whether it is required
 * @param dependencies the names of its direct dependencies
 * @param state its state
 * @param attempts how many start attempts its latest start made, {@code 0} if it was
 * never tried
 * @param startedAt when its latest start began (its first attempt), or {@code null} if it
 * was never tried
 * @param startDuration how long its latest start took, from its first attempt to its
 * success or final failure, or {@code null} while it is starting or if it was never tried
 * @param lastError the error of its latest failed attempt, or {@code null} if its latest
 * start had none
 * @param failures how many times it was found failing after it had started, by its
 * {@linkplain Service#check() check} or a {@linkplain Maestro#reportFailure report}
 * @param lastFailedAt when it was last found failing so, or {@code null} if never
 * @param lastFailure why it was last found failing so, or {@code null} if never
 */
public record ServiceSnapshot(String name, boolean required, List<String> dependencies, ServiceState state,
		int attempts, @Nullable Instant startedAt, @Nullable Duration startDuration, @Nullable Throwable lastError,
		int failures, @Nullable Instant lastFailedAt, @Nullable Throwable lastFailure) {

	/**
	 * Copies the dependencies.
	 */
	public ServiceSnapshot {
		dependencies = List.copyOf(dependencies);
	}

	/**
	 * Creates a snapshot of a service never found failing after it had started.
	 * @param name the service's name
	 * @param required whether it is required
	 * @param dependencies the names of its direct dependencies
	 * @param state its state
	 * @param attempts how many start attempts its latest start made
	 * @param startedAt when its latest start began, or {@code null}
	 * @param startDuration how long its latest start took, or {@code null}
	 * @param lastError the error of its latest failed attempt, or {@code null}
	 */
	public ServiceSnapshot(String name, boolean required, List<String> dependencies, ServiceState state, int attempts,
			@Nullable Instant startedAt, @Nullable Duration startDuration, @Nullable Throwable lastError) {
		this(name, required, dependencies, state, attempts, startedAt, startDuration, lastError, 0, null, null);
	}

}
