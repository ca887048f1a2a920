package dev.bandmaster.spring.autoconfigure.availability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.BandmasterProperties;
import dev.bandmaster.spring.availability.BandmasterApplicationAvailability;
import dev.bandmaster.spring.availability.ReadinessChangePublisher;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the
 * {@link BandmasterApplicationAvailability}, in place of Spring Boot's own application
 * availability, which it extends, and of the {@link ReadinessChangePublisher} that
 * publishes the changes of readiness the band services make after the boot.
 */
@AutoConfiguration(after = BandmasterAutoConfiguration.class, before = ApplicationAvailabilityAutoConfiguration.class)
@ConditionalOnBean(Maestro.class)
public final class BandmasterAvailabilityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ApplicationAvailability.class)
	BandmasterApplicationAvailability applicationAvailability(ObjectProvider<Maestro> maestro,
			ObjectProvider<BandmasterProperties> properties) {
		// An application's own Maestro makes this configuration apply without
		// BandmasterAutoConfiguration, and so without its properties: the defaults then.
		boolean followsServices = properties.getIfAvailable(BandmasterProperties::new).getSupervision().isReadiness();
		return new BandmasterApplicationAvailability(maestro, followsServices);
	}

	// After the availability's method: the condition sees whether it made one.
	@Bean
	@ConditionalOnBean(BandmasterApplicationAvailability.class)
	ReadinessChangePublisher bandmasterReadinessChangePublisher(BandmasterApplicationAvailability availability,
			ApplicationEventPublisher publisher) {
		return new ReadinessChangePublisher(availability, publisher);
	}

}
