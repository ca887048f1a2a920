package dev.bandmaster.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.availability.BandmasterApplicationAvailability;
import dev.bandmaster.spring.autoconfigure.availability.BandmasterAvailabilityAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.endpoint.BandmasterEndpointAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.health.BandmasterHealthAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.metrics.BandmasterMetricsAutoConfiguration;
import dev.bandmaster.spring.lifecycle.BandmasterLifecycle;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that an application with neither the actuator, nor Spring Boot's health support,
 * nor Micrometer, gets its band services booted: the optional parts back off without
 * failing.
 */
class BandmasterWithoutActuatorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BandmasterAutoConfiguration.class, BandmasterAvailabilityAutoConfiguration.class,
						BandmasterHealthAutoConfiguration.class, BandmasterMetricsAutoConfiguration.class,
						BandmasterEndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.",
				"org.springframework.boot.health.", "io.micrometer."))
		.withPropertyValues("management.endpoints.web.exposure.include=*")
		.withUserConfiguration(ServiceConfiguration.class);

	@Test
	void bootsTheBandServices() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(BandmasterApplicationAvailability.class);
			assertThat(context.getBean(Maestro.class).state("database")).isEqualTo(ServiceState.STARTED);
			assertThat(context.getBeanNamesForType(BandmasterLifecycle.class)).hasSize(1);
			assertThat(context.getBeanDefinitionNames()).noneMatch((name) -> name.startsWith("bandmasterHealth")
					|| name.equals("bandmasterMetrics") || name.equals("bandmasterEndpoint"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConfiguration {

		@Bean
		@BandService
		RecordingService database() {
			return new RecordingService("database", new Journal());
		}

	}

}
