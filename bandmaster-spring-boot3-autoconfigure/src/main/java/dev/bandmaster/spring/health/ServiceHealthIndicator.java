package dev.bandmaster.spring.health;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import dev.bandmaster.Maestro;

/**
 * The health of one band service, from its latest snapshot: the {@link ServiceHealth} as
 * Spring Boot 3.5's {@link Health}.
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
		ServiceHealth health = ServiceHealth.of(this.maestro, this.name);
		return (health != null) ? Health.status(health.status()).withDetails(health.details()).build() : null;
	}

}
