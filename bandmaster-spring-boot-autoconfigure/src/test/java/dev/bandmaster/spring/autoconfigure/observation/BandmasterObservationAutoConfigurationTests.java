package dev.bandmaster.spring.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;
import dev.bandmaster.spring.autoconfigure.metrics.BandmasterMetricsAutoConfiguration;
import dev.bandmaster.spring.observation.ObservingMaestroListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterObservationAutoConfiguration}, and for how the observations'
 * timers and {@code BandmasterMetrics} share the meter names.
 */
class BandmasterObservationAutoConfigurationTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class,
				BandmasterObservationAutoConfiguration.class, BandmasterMetricsAutoConfiguration.class))
		.withUserConfiguration(ServicesConfiguration.class)
		.withPropertyValues("bandmaster.services.flaky.retries=1", "bandmaster.services.flaky.initial-backoff=1ms")
		.withBean(MeterRegistry.class, () -> this.meters);

	/** As Spring Boot wires them: the observations' timers go to the meter registry. */
	private ApplicationContextRunner withObservationRegistry() {
		this.observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		return this.runner.withBean(ObservationRegistry.class, () -> this.observations);
	}

	@Test
	void observesTheServicesWithTheApplicationsObservationRegistry() {
		withObservationRegistry().run((context) -> {
			assertThat(context).hasSingleBean(ObservingMaestroListener.class);
			assertThat(this.meters.get("bandmaster.boot").tag("outcome", "success").timer().count()).isEqualTo(1);
			assertThat(this.meters.get("bandmaster.service.attempt")
				.tags("service", "flaky", "outcome", "failure")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void startsAndStopsAreTimedOnceUnderTheirNamesByTheObservations() {
		withObservationRegistry().run((context) -> {
			assertThat(this.meters.find("bandmaster.service.start").tag("service", "flaky").timers()).singleElement()
				.satisfies((timer) -> {
					assertThat(timer.count()).isEqualTo(1);
					assertThat(timer.getId().getTag("outcome")).isEqualTo("success");
					assertThat(timer.getId().getTag("required")).isEqualTo("true");
				});
			assertThat(this.meters.get("bandmaster.service.retries").tag("service", "flaky").counter().count())
				.isEqualTo(1);
			context.close();
			assertThat(this.meters.find("bandmaster.service.stop").tag("service", "flaky").timers()).singleElement()
				.extracting(Timer::count)
				.isEqualTo(1L);
		});
	}

	@Test
	void canBeSwitchedOffAndTheMetricsTimeTheStartsThemselves() {
		withObservationRegistry().withPropertyValues("bandmaster.observations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ObservingMaestroListener.class);
			assertThat(this.meters.find("bandmaster.boot").timers()).isEmpty();
			assertThat(this.meters.find("bandmaster.service.start").tag("service", "flaky").timers()).singleElement()
				.satisfies((timer) -> assertThat(timer.getId().getTag("required")).isNull());
		});
	}

	@Test
	void backsOffWithoutAnObservationRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ObservingMaestroListener.class);
			assertThat(this.meters.find("bandmaster.service.start").timers()).isNotEmpty();
		});
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class,
					BandmasterObservationAutoConfiguration.class))
			.withUserConfiguration(ServicesConfiguration.class)
			.withPropertyValues("bandmaster.services.flaky.retries=1")
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ObservingMaestroListener.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		withObservationRegistry()
			.withBean("customListener", ObservingMaestroListener.class,
					() -> new ObservingMaestroListener(ObservationRegistry.NOOP, new dev.bandmaster.Maestro()))
			.run((context) -> assertThat(context).getBean(ObservingMaestroListener.class)
				.isSameAs(context.getBean("customListener")));
	}

	@Configuration(proxyBeanMethods = false)
	static class ServicesConfiguration {

		@Bean
		Journal journal() {
			return new Journal();
		}

		@Bean
		@BandService
		RecordingService database(Journal journal) {
			return new RecordingService("database", journal);
		}

		@Bean
		@BandService(dependsOn = "database")
		RecordingService flaky(Journal journal) {
			return new RecordingService("flaky", journal, 1, "not yet");
		}

	}

}
