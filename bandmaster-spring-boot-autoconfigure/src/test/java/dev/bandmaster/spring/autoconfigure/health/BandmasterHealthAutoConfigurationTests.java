package dev.bandmaster.spring.autoconfigure.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.health.BandmasterHealthContributor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterHealthAutoConfiguration}.
 */
class BandmasterHealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BandmasterAutoConfiguration.class, BandmasterHealthAutoConfiguration.class));

	@Test
	void contributesTheBandmasterHealth() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BandmasterHealthContributor.class)
			.hasBean("bandmasterHealthContributor"));
	}

	@Test
	void backsOffWhenTheIndicatorIsDisabled() {
		this.runner.withPropertyValues("management.health.bandmaster.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterHealthContributor.class));
	}

	@Test
	void backsOffWhenBandmasterIsDisabled() {
		this.runner.withPropertyValues("bandmaster.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterHealthContributor.class));
	}

	@Test
	void backsOffWithoutHealthSupport() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterHealthContributor.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withBean("bandmasterHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterHealthContributor.class));
	}

}
