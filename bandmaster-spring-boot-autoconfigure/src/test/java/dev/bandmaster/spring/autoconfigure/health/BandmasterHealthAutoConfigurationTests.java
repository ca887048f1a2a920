package dev.bandmaster.spring.autoconfigure.health;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.health.BandmasterHealthContributor;
import dev.bandmaster.spring.testsupport.LineHealth;

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
		this.runner.withClassLoader(new FilteredClassLoader(LineHealth.INDICATOR_TYPE))
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterHealthContributor.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner
			.withBean("bandmasterHealthIndicator", LineHealth.INDICATOR_TYPE, () -> LineHealth.indicator(() -> null))
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterHealthContributor.class));
	}

}
