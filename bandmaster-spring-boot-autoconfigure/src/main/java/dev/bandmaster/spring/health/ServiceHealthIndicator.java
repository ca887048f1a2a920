package dev.bandmaster.spring.health;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;

/**
 * The health of one band service, from its latest snapshot: {@link ServiceHealth}'s, in
 * Spring Boot's types.
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
		ServiceHealth health = ServiceHealth.of(snapshot);
		return Health.status(health.status()).withDetails(health.details()).build();
	}

}
