package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceState;
import dev.bandmaster.Tuning;
import dev.bandmaster.spring.lifecycle.BandmasterLifecycle;
import dev.bandmaster.spring.lifecycle.BandmasterSettings;
import dev.bandmaster.spring.lifecycle.BandmasterSettings.ServiceSettings;
import dev.bandmaster.spring.testsupport.ChainConfiguration;
import dev.bandmaster.spring.testsupport.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterAutoConfiguration}'s conditions and wiring: when it backs
 * off, and which beans it hands the lifecycle.
 */
class BandmasterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void backsOffWhenDisabled() {
		this.runner.withUserConfiguration(ChainConfiguration.class)
			.withPropertyValues("bandmaster.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(Maestro.class).doesNotHaveBean(BandmasterLifecycle.class);
				assertThat(context.getBean(Journal.class).entries()).isEmpty();
			});
	}

	@Test
	void mapsThePropertiesToTheSettingsTheLifecycleRunsWith() {
		this.runner.withUserConfiguration(ChainConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background", "bandmaster.startup.timeout=20s",
					"bandmaster.shutdown.timeout=7s", "bandmaster.defaults.retries=2",
					"bandmaster.defaults.initial-backoff=5ms", "bandmaster.services.cache.required=false",
					"bandmaster.services.cache.depends-on=database", "bandmaster.services.cache.holds=",
					"bandmaster.services.cache.jitter=0.5", "bandmaster.services.api.stop-timeout=3s")
			.run((context) -> {
				BandmasterSettings settings = context.getBean(BandmasterSettings.class);
				assertThat(settings.mode()).isEqualTo(BandmasterSettings.Mode.BACKGROUND);
				assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(settings.defaults())
					.isEqualTo(new Tuning(2, Duration.ofMillis(5), null, null, null, null, null));
				assertThat(settings.services()).containsOnlyKeys("cache", "api");
				assertThat(settings.services().get("cache")).isEqualTo(new ServiceSettings(
						new Tuning(null, null, null, null, 0.5, null, null), false, List.of("database"), List.of()));
				// What is not set stays unset, so that the annotation's value applies.
				assertThat(settings.services().get("api")).isEqualTo(new ServiceSettings(
						new Tuning(null, null, null, null, null, null, Duration.ofSeconds(3)), null, null, null));
			});
	}

	@Test
	void mapsTheDefaultsOfTheProperties() {
		this.runner.run((context) -> assertThat(context.getBean(BandmasterSettings.class))
			.isEqualTo(new BandmasterSettings(BandmasterSettings.Mode.BLOCKING, Duration.ofSeconds(60),
					Duration.ofSeconds(30), Tuning.NONE, Map.of())));
	}

	@Test
	void notifiesMaestroListenerBeans() {
		this.runner.withUserConfiguration(ChainConfiguration.class, ListenerConfiguration.class).run((context) -> {
			assertThat(context.getBean(ListenerConfiguration.class).started).containsExactlyInAnyOrder("database",
					"cache", "api");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnMaestro() {
		this.runner.withUserConfiguration(ChainConfiguration.class, CustomMaestroConfiguration.class).run((context) -> {
			assertThat(context).getBean(Maestro.class).isSameAs(context.getBean("customMaestro"));
			assertThat(context.getBean(Maestro.class).state("api")).isEqualTo(ServiceState.STARTED);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnLifecycle() {
		this.runner.withUserConfiguration(ChainConfiguration.class, CustomLifecycleConfiguration.class)
			.run((context) -> assertThat(context).getBean(BandmasterLifecycle.class)
				.isSameAs(context.getBean("customLifecycle")));
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final List<String> started = new CopyOnWriteArrayList<>();

		@Bean
		MaestroListener recordingMaestroListener() {
			return new MaestroListener() {

				@Override
				public void started(String serviceName, Duration duration, int attempts) {
					ListenerConfiguration.this.started.add(serviceName);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomLifecycleConfiguration {

		@Bean
		BandmasterLifecycle customLifecycle(Maestro maestro, ConfigurableListableBeanFactory beanFactory,
				BandmasterSettings settings, ApplicationEventPublisher publisher) {
			return new BandmasterLifecycle(maestro, beanFactory, settings, publisher, List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMaestroConfiguration {

		@Bean
		Maestro customMaestro() {
			return new Maestro();
		}

	}

}
