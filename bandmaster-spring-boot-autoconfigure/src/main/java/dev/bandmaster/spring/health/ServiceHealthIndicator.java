package dev.bandmaster.spring.health;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * The health of one band service, from its latest snapshot.
 */
final class ServiceHealthIndicator implements HealthIndicator {

	private final Maestro maestro;

	private final String name;

	ServiceHealthIndicator(Maestro maestro, String name) {
		this.maestro = maestro;
		this.name = name;
	}

	@Override
	public @Nullable Health health() {
		ServiceSnapshot snapshot = this.maestro.snapshot(this.name);
		if (snapshot == null) {
			return null;
		}
		Health.Builder builder = Health.status(status(snapshot))
			.withDetail("state", snapshot.state())
			.withDetail("required", snapshot.required())
			.withDetail("attempts", snapshot.attempts())
			.withDetail("dependsOn", snapshot.dependencies());
		ServiceError error = ServiceError.of(snapshot.lastError());
		if (error != null) {
			builder.withDetail("error",
					error.message().isEmpty() ? error.type() : error.type() + ": " + error.message());
		}
		return builder.build();
	}

	private static Status status(ServiceSnapshot snapshot) {
		if (snapshot.state() == ServiceState.STARTED) {
			return Status.UP;
		}
		return snapshot.required() ? Status.DOWN : Status.UNKNOWN;
	}

}
