package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.diagnostics.ServiceError;

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

	/**
	 * Finds the critical path: the chain of services that set the boot's duration. It
	 * ends with the service whose start ended last, and goes back, from each service, to
	 * the dependency whose start ended last before it began, the one it waited for, as
	 * long as there is one. A service started ahead of the others (for the beans it
	 * holds) is on the path when a service on it waited for it. Ties go to the name first
	 * in alphabetical order, so that the path is the same for the same timeline.
	 * @return the services on it, the first one started first; empty when no start ended
	 */
	public List<Entry> criticalPath() {
		Map<String, Entry> ended = new HashMap<>();
		for (Entry entry : this.entries) {
			if (entry.end() != null) {
				ended.put(entry.name(), entry);
			}
		}
		Comparator<Entry> lastEnded = Comparator.comparing((Entry entry) -> Objects.requireNonNull(entry.end()))
			.thenComparing(Entry::name, Comparator.reverseOrder());
		List<Entry> path = new ArrayList<>();
		Entry current = ended.values().stream().max(lastEnded).orElse(null);
		while (current != null) {
			path.add(current);
			Duration began = Objects.requireNonNull(current.offset());
			current = current.dependsOn()
				.stream()
				.map(ended::get)
				.filter((dependency) -> dependency != null && !path.contains(dependency)
						&& Objects.requireNonNull(dependency.end()).compareTo(began) <= 0)
				.max(lastEnded)
				.orElse(null);
		}
		Collections.reverse(path);
		return List.copyOf(path);
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
		 * Tells when the service's start ended, from the beginning of the boot.
		 * @return its offset plus its duration; {@code null} while starting or if it was
		 * never tried
		 */
		public @Nullable Duration end() {
			return (this.offset != null && this.duration != null) ? this.offset.plus(this.duration) : null;
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
