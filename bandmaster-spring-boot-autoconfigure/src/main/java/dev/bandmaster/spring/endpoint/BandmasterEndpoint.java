package dev.bandmaster.spring.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.lifecycle.BootTimeline;
import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * The {@code bandmaster} endpoint: every band service with its state and the latest
 * boot's timeline ({@code GET /actuator/bandmaster}), and the boot drawn as Mermaid
 * diagrams, the dependency graph ({@code GET /actuator/bandmaster/graph}) and the boot's
 * timeline ({@code GET /actuator/bandmaster/timeline}).
 * <p>
 * Thread-safe: every read takes a fresh snapshot of the services.
 */
@Endpoint(id = "bandmaster")
public class BandmasterEndpoint {

	private final Maestro maestro;

	/**
	 * Creates the endpoint.
	 * @param maestro the maestro whose services are shown
	 */
	public BandmasterEndpoint(Maestro maestro) {
		this.maestro = maestro;
	}

	/**
	 * Describes every band service.
	 * @return the services, in registration order
	 */
	@ReadOperation
	public BandServicesDescriptor services() {
		List<ServiceSnapshot> snapshots = this.maestro.services();
		List<BootTimeline.Entry> entries = BootTimeline.of(snapshots).entries();
		List<ServiceDescriptor> services = new ArrayList<>(snapshots.size());
		for (int i = 0; i < snapshots.size(); i++) {
			services.add(ServiceDescriptor.of(entries.get(i), snapshots.get(i)));
		}
		return new BandServicesDescriptor(services);
	}

	/**
	 * Draws the services as a Mermaid diagram.
	 * @param diagram {@code graph} for the dependency graph, {@code timeline} for the
	 * boot's timeline
	 * @return the diagram's Mermaid text, or {@code null} (not found) for another name
	 */
	@ReadOperation(produces = "text/plain")
	public @Nullable String diagram(@Selector String diagram) {
		BootTimeline timeline = BootTimeline.of(this.maestro.services());
		return switch (diagram) {
			case "graph" -> MermaidDiagrams.graph(timeline);
			case "timeline" -> MermaidDiagrams.timeline(timeline);
			default -> null;
		};
	}

	/**
	 * Every band service.
	 *
	 * @param services the services, in registration order
	 */
	public record BandServicesDescriptor(List<ServiceDescriptor> services) implements OperationResponseBody {

	}

	/**
	 * One band service.
	 *
	 * @param name its name
	 * @param state its state
	 * @param required whether it is required
	 * @param dependsOn the names of its direct dependencies
	 * @param attempts how many start attempts its latest start made
	 * @param startOffsetMillis when its latest start began, in milliseconds from the
	 * beginning of the boot, or {@code null} if it was never tried
	 * @param startDurationMillis how long its latest start took, in milliseconds, or
	 * {@code null} while it starts or if it was never tried
	 * @param error its latest start error with the passwords of URLs masked, or
	 * {@code null}
	 * @param failures how many times it was found failing after it had started; each
	 * restart that followed is its latest start, which the fields above describe
	 * @param lastFailedAt when it was last found failing so, or {@code null} if never
	 * @param lastFailure why it was last found failing so, with the passwords masked, or
	 * {@code null} if never
	 */
	public record ServiceDescriptor(String name, ServiceState state, boolean required, List<String> dependsOn,
			int attempts, @Nullable Long startOffsetMillis, @Nullable Long startDurationMillis,
			@Nullable ServiceError error, int failures, @Nullable Instant lastFailedAt,
			@Nullable ServiceError lastFailure) {

		static ServiceDescriptor of(BootTimeline.Entry entry, ServiceSnapshot snapshot) {
			return new ServiceDescriptor(entry.name(), entry.state(), entry.required(), entry.dependsOn(),
					entry.attempts(), millis(entry.offset()), millis(entry.duration()), entry.error(),
					snapshot.failures(), snapshot.lastFailedAt(), ServiceError.of(snapshot.lastFailure()));
		}

		private static @Nullable Long millis(@Nullable Duration duration) {
			return (duration != null) ? duration.toMillis() : null;
		}

	}

}
