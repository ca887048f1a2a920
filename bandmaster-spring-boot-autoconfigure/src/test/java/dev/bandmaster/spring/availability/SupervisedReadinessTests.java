package dev.bandmaster.spring.availability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.Restart;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.availability.BandmasterAvailabilityAutoConfiguration;
import dev.bandmaster.spring.testsupport.BreakableService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of readiness after the boot, while the band services are supervised: a required
 * service that fails makes the application refuse traffic until it is back, each change
 * published as an {@link AvailabilityChangeEvent};
 * {@code bandmaster.supervision.readiness} turns that off.
 */
class SupervisedReadinessTests {

	private static final Duration LOOSE = Duration.ofSeconds(20);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class,
				BandmasterAvailabilityAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
		.withUserConfiguration(SupervisedConfiguration.class)
		.withPropertyValues("bandmaster.services.cache.check-interval=50ms",
				"bandmaster.services.cache.initial-backoff=50ms", "bandmaster.services.cache.max-backoff=100ms");

	@Test
	void refusesTrafficWhileARequiredServiceIsDownAndAcceptsItOnceItIsBack() {
		this.runner.run((context) -> {
			ApplicationAvailability availability = ready(context);
			BreakableService cache = context.getBean("cache", BreakableService.class);
			cache.breakDown();
			await().atMost(LOOSE).until(availability::getReadinessState, ReadinessState.REFUSING_TRAFFIC::equals);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
			assertThat(context.getBean(Maestro.class).state("cache")).isNotEqualTo(ServiceState.STARTED);
			cache.mend();
			await().atMost(LOOSE).until(availability::getReadinessState, ReadinessState.ACCEPTING_TRAFFIC::equals);
			assertThat(context.getBean(Maestro.class).state("cache")).isEqualTo(ServiceState.STARTED);
			assertThat(context.getBean(Changes.class).readiness).as("published, in order")
				.containsExactly(ReadinessState.ACCEPTING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC,
						ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		});
	}

	@Test
	void leavesAReadinessPublishedByOthersAlone() {
		this.runner.run((context) -> {
			ApplicationAvailability availability = ready(context);
			BreakableService cache = context.getBean("cache", BreakableService.class);
			cache.breakDown();
			await().atMost(LOOSE).until(() -> context.getBean(Changes.class).readiness.size() == 2);
			// The application refuses traffic for a reason of its own meanwhile.
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			cache.mend();
			await().atMost(LOOSE).until(() -> context.getBean(Maestro.class).state("cache") == ServiceState.STARTED);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(context.getBean(Changes.class).readiness).containsExactly(ReadinessState.ACCEPTING_TRAFFIC,
					ReadinessState.REFUSING_TRAFFIC, ReadinessState.REFUSING_TRAFFIC);
		});
	}

	@Test
	void readinessIgnoresFailuresAfterTheBootWhenTurnedOff() {
		this.runner.withPropertyValues("bandmaster.supervision.readiness=false").run((context) -> {
			ApplicationAvailability availability = ready(context);
			Maestro maestro = context.getBean(Maestro.class);
			BreakableService cache = context.getBean("cache", BreakableService.class);
			cache.breakDown();
			await().atMost(LOOSE).until(() -> maestro.snapshot("cache").failures() > 0);
			assertThat(maestro.state("cache")).isNotEqualTo(ServiceState.STARTED);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(context.getBean(Changes.class).readiness).containsExactly(ReadinessState.ACCEPTING_TRAFFIC);
		});
	}

	/**
	 * Publishes what Spring Boot publishes once the application is ready, which a context
	 * runner does not.
	 */
	private static ApplicationAvailability ready(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		return availability;
	}

	@Configuration(proxyBeanMethods = false)
	static class SupervisedConfiguration {

		@Bean
		@BandService(restart = Restart.ON_FAILURE)
		BreakableService cache() {
			return new BreakableService("Connection refused: redis://app:s3cret@cache:6379");
		}

		@Bean
		Changes changes() {
			return new Changes();
		}

	}

	static class Changes implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

		final List<ReadinessState> readiness = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
			this.readiness.add(event.getState());
		}

	}

}
