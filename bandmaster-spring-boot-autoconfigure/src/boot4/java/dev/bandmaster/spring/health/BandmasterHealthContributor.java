package dev.bandmaster.spring.health;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;

import dev.bandmaster.Maestro;

/**
 * The {@code bandmaster} health contributor: one component per band service, named after
 * it, read live from the {@link Maestro} so that services registered when the context
 * starts appear without further wiring.
 * <p>
 * A started service is {@code UP}; a required service that is not running is
 * {@code DOWN}; an optional one that is not running is {@code UNKNOWN}, which the default
 * status order ranks below {@code UP}, so that it shows its failure in its own component
 * without taking the application's overall status down. Details: {@code state},
 * {@code required}, {@code attempts}, {@code dependsOn}, and the last {@code error} with
 * the passwords of URLs masked; for a service found failing after the boot, also
 * {@code failures}, {@code lastFailedAt} and {@code lastFailure} (see
 * {@link ServiceHealth}).
 * <p>
 * Thread-safe.
 */
public class BandmasterHealthContributor implements CompositeHealthContributor {

	private final Maestro maestro;

	/**
	 * Creates a contributor.
	 * @param maestro the maestro whose services are reported
	 */
	public BandmasterHealthContributor(Maestro maestro) {
		this.maestro = maestro;
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return (this.maestro.state(name) != null) ? new ServiceHealthIndicator(this.maestro, name) : null;
	}

	@Override
	public Stream<Entry> stream() {
		return this.maestro.services()
			.stream()
			.map((snapshot) -> new Entry(snapshot.name(), new ServiceHealthIndicator(this.maestro, snapshot.name())));
	}

}
