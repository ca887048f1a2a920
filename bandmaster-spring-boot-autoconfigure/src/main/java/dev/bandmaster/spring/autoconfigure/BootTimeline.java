package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;

/**
 * The boot of the band services as a timeline: for each service, when its start began,
 * counted from the beginning of the boot (the earliest start), how long it took and how
 * it ended. The boot report, the {@code bandmaster} endpoint and its Mermaid diagrams all
 * show this one view. Immutable.
 *
 * @param entries one entry per service, in registration order
 */
public record BootTimeline(List<Entry> entries) {

	/**
	 * Copies the entries.
	 */
	public BootTimeline {
		entries = List.copyOf(entries);
	}

	/**
	 * Builds the timeline of the latest boot.
	 * @param snapshots the services, as {@link dev.bandmaster.Maestro#services()} returns
	 * them
	 * @return the timeline
	 */
	public static BootTimeline of(List<ServiceSnapshot> snapshots) {
		Instant origin = snapshots.stream()
			.map(ServiceSnapshot::startedAt)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.orElse(null);
		return new BootTimeline(snapshots.stream().map((snapshot) -> entry(snapshot, origin)).toList());
	}

	private static Entry entry(ServiceSnapshot snapshot, @Nullable Instant origin) {
		Instant startedAt = snapshot.startedAt();
		Duration offset = (startedAt != null && origin != null) ? Duration.between(origin, startedAt) : null;
		return new Entry(snapshot.name(), snapshot.required(), snapshot.dependencies(), snapshot.state(),
				snapshot.attempts(), offset, snapshot.startDuration(), ServiceError.of(snapshot.lastError()));
	}

	/**
	 * One service on the timeline.
	 *
	 * @param name the service's name
	 * @param required whether it is required
	 * @param dependsOn the names of its direct dependencies
	 * @param state its state now
	 * @param attempts how many start attempts its latest start made
	 * @param offset when its start began, from the beginning of the boot; {@code null} if
	 * it was never tried
	 * @param duration how long its start took; {@code null} while starting or if it was
	 * never tried
	 * @param error its latest start error, masked; {@code null} if its latest start had
	 * none
	 */
	public record Entry(String name, boolean required, List<String> dependsOn, ServiceState state, int attempts,
			@Nullable Duration offset, @Nullable Duration duration, @Nullable ServiceError error) {

		/**
		 * Copies the dependencies.
		 */
		public Entry {
			dependsOn = List.copyOf(dependsOn);
		}

		/**
		 * Tells how the service's latest start ended, in one word.
		 * @return {@code started}, {@code failed}, {@code starting}, {@code stopping},
		 * {@code stopped}, or {@code not started} for a service never tried (for example
		 * because a dependency was unavailable)
		 */
		public String outcome() {
			return switch (this.state) {
				case STARTED -> "started";
				case FAILED -> "failed";
				case STARTING -> "starting";
				case STOPPING -> "stopping";
				case STOPPED -> (this.attempts == 0) ? "not started" : "stopped";
			};
		}

		/**
		 * Tells whether the service is running.
		 * @return {@code true} when it is {@link ServiceState#STARTED}
		 */
		public boolean isUp() {
			return this.state == ServiceState.STARTED;
		}

	}

}
