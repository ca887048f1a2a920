package dev.bandmaster.spring.autoconfigure.health;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.health.BandmasterHealthContributor;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the
 * {@link BandmasterHealthContributor}, when Spring Boot's health support is present;
 * switched off with {@code management.health.bandmaster.enabled=false}.
 */
@AutoConfiguration(after = BandmasterAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Maestro.class)
public final class BandmasterHealthAutoConfiguration {

	// The enablement condition is on the method, not the class: its condition class is
	// only loaded once the class-level conditions found the health support.
	@Bean
	@ConditionalOnEnabledHealthIndicator("bandmaster")
	@ConditionalOnMissingBean(name = { "bandmasterHealthIndicator", "bandmasterHealthContributor" })
	BandmasterHealthContributor bandmasterHealthContributor(Maestro maestro) {
		return new BandmasterHealthContributor(maestro);
	}

}
