package dev.bandmaster.spring.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.observation.ObservingMaestroListener;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the band services' observations,
 * when the application has a Micrometer {@link ObservationRegistry} (Spring Boot's
 * {@code spring-boot-micrometer-observation} makes one) and
 * {@code bandmaster.observations.enabled} is not {@code false}. A
 * {@link ObservingMaestroListener} bean of the application's replaces the one made here,
 * to set conventions of its own; global conventions ({@code GlobalObservationConvention}
 * beans, which Spring Boot adds to the registry) apply either way.
 */
// After Boot 4's auto-configuration, then Boot 3.5's: the sorter ignores the line that is
// absent.
@AutoConfiguration(after = BandmasterAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration" })
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({ Maestro.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "bandmaster.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BandmasterObservationProperties.class)
public final class BandmasterObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ObservingMaestroListener bandmasterObservingMaestroListener(ObservationRegistry registry, Maestro maestro) {
		return new ObservingMaestroListener(registry, maestro);
	}

}
