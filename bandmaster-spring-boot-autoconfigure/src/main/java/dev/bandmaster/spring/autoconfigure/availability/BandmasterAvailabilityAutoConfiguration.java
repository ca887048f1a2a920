package dev.bandmaster.spring.autoconfigure.availability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.availability.BandmasterApplicationAvailability;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the
 * {@link BandmasterApplicationAvailability}, in place of Spring Boot's own application
 * availability, which it extends.
 */
@AutoConfiguration(after = BandmasterAutoConfiguration.class, before = ApplicationAvailabilityAutoConfiguration.class)
@ConditionalOnBean(Maestro.class)
public final class BandmasterAvailabilityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ApplicationAvailability.class)
	BandmasterApplicationAvailability applicationAvailability(ObjectProvider<Maestro> maestro) {
		return new BandmasterApplicationAvailability(maestro);
	}

}
