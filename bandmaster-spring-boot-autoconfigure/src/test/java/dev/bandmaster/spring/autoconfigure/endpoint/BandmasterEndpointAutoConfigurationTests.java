package dev.bandmaster.spring.autoconfigure.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.endpoint.BandmasterEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterEndpointAutoConfiguration}.
 */
class BandmasterEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BandmasterAutoConfiguration.class, BandmasterEndpointAutoConfiguration.class));

	@Test
	void providesTheEndpointWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bandmaster")
			.run((context) -> assertThat(context).hasSingleBean(BandmasterEndpoint.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bandmaster")
			.withBean("customEndpoint", BandmasterEndpoint.class)
			.run((context) -> assertThat(context).getBean(BandmasterEndpoint.class)
				.isSameAs(context.getBean("customEndpoint")));
	}

	@Test
	void backsOffWhenNotExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(BandmasterEndpoint.class));
	}

	@Test
	void backsOffWhenBandmasterIsDisabled() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=bandmaster", "bandmaster.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterEndpoint.class));
	}

}
