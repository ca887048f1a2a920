package dev.bandmaster.spring.autoconfigure.endpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.endpoint.BandmasterEndpoint;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link BandmasterEndpoint},
 * when the actuator is present and the endpoint is available (exposed with
 * {@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = BandmasterAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(Maestro.class)
public final class BandmasterEndpointAutoConfiguration {

	// The availability condition is on the method, not the class: its condition class is
	// only loaded once the class-level conditions found the actuator.
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	BandmasterEndpoint bandmasterEndpoint(Maestro maestro) {
		return new BandmasterEndpoint(maestro);
	}

}
