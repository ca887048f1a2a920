package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.Restart;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandmasterEvent;
import dev.bandmaster.spring.ServiceFailedEvent;
import dev.bandmaster.spring.ServiceStartedEvent;
import dev.bandmaster.spring.ServiceStartingEvent;
import dev.bandmaster.spring.ServiceStoppedEvent;
import dev.bandmaster.spring.autoconfigure.endpoint.BandmasterEndpointAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.health.BandmasterHealthAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.metrics.BandmasterMetricsAutoConfiguration;
import dev.bandmaster.spring.endpoint.BandmasterEndpoint;
import dev.bandmaster.spring.endpoint.BandmasterEndpoint.ServiceDescriptor;
import dev.bandmaster.spring.health.BandmasterHealthContributor;
import dev.bandmaster.spring.testsupport.BreakableService;
import dev.bandmaster.spring.testsupport.EventsConfiguration;
import dev.bandmaster.spring.testsupport.HealthView;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.LineHealth;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of a supervised band service that fails after the boot and comes back, as the
 * application sees it: the events, the metrics, the endpoint and health.
 */
class SupervisedServiceTests {

	private static final Duration LOOSE = Duration.ofSeconds(20);

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BandmasterAutoConfiguration.class, BandmasterMetricsAutoConfiguration.class,
						BandmasterEndpointAutoConfiguration.class, BandmasterHealthAutoConfiguration.class))
		.withUserConfiguration(SupervisedConfiguration.class, EventsConfiguration.class)
		.withBean(MeterRegistry.class, () -> this.registry)
		.withPropertyValues("management.endpoints.web.exposure.include=bandmaster",
				"bandmaster.services.cache.check-interval=50ms", "bandmaster.services.cache.initial-backoff=50ms",
				"bandmaster.services.cache.max-backoff=100ms");

	@Test
	void aFailureAndTheRestartThatFollowsAreToldByEventsMetricsEndpointAndHealth() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			Maestro maestro = context.getBean(Maestro.class);
			List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events();
			int bootEvents = events.size();
			BreakableService cache = context.getBean(BreakableService.class);
			Instant brokenAt = Instant.now();
			cache.breakDown();
			await().atMost(LOOSE).until(() -> maestro.state("catalog") == ServiceState.STOPPED);

			ServiceFailedEvent failed = events.stream()
				.skip(bootEvents)
				.filter(ServiceFailedEvent.class::isInstance)
				.map(ServiceFailedEvent.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(failed.getServiceName()).isEqualTo("cache");
			assertThat(failed.getCause()).hasMessageContaining("s3cret");
			assertThat(failed.toString()).contains("cache")
				.contains("redis://app:******@cache:6379")
				.doesNotContain("s3cret");
			assertThat(this.registry.get("bandmaster.service.failures").tag("service", "cache").counter().count())
				.isEqualTo(1);

			ServiceDescriptor described = describe(context.getBean(BandmasterEndpoint.class), "cache");
			assertThat(described.failures()).isEqualTo(1);
			assertThat(described.lastFailedAt()).isBetween(brokenAt, Instant.now());
			assertThat(described.lastFailure()).isNotNull();
			assertThat(described.lastFailure().message())
				.isEqualTo("Connection refused: redis://app:******@cache:6379");

			HealthView down = health(context.getBean(BandmasterHealthContributor.class), "cache");
			assertThat(down.status()).isEqualTo("DOWN");
			assertThat(down.details()).containsEntry("failures", 1)
				.containsEntry("lastFailedAt", described.lastFailedAt().toString())
				.containsEntry("lastFailure", "java.io.IOException: Connection refused: redis://app:******@cache:6379");
			assertThat(health(context.getBean(BandmasterHealthContributor.class), "catalog").status())
				.as("stopped while what it depends on is down")
				.isEqualTo("DOWN");

			cache.mend();
			await().atMost(LOOSE).until(() -> maestro.state("catalog") == ServiceState.STARTED);
			assertThat(health(context.getBean(BandmasterHealthContributor.class), "cache").status()).isEqualTo("UP");
			assertThat(maestro.state("cache")).isEqualTo(ServiceState.STARTED);
			List<String> afterFailure = events.stream()
				.skip(events.indexOf(failed))
				.filter((event) -> event instanceof ServiceFailedEvent || event instanceof ServiceStoppedEvent
						|| event instanceof ServiceStartingEvent || event instanceof ServiceStartedEvent)
				.map((event) -> event.getClass().getSimpleName() + ":" + event.getServiceName())
				.toList();
			assertThat(afterFailure).as("the dependent stopped, then the restart, then the dependent again")
				.startsWith("ServiceFailedEvent:cache", "ServiceStoppedEvent:catalog", "ServiceStoppedEvent:cache",
						"ServiceStartingEvent:cache")
				.endsWith("ServiceStartedEvent:cache", "ServiceStartingEvent:catalog", "ServiceStartedEvent:catalog");
			assertThat(this.registry.get("bandmaster.service.start")
				.tags("service", "cache", "outcome", "success")
				.timer()
				.count()).as("the boot's start and the restart").isEqualTo(2);
			assertThat(describe(context.getBean(BandmasterEndpoint.class), "cache").state())
				.isEqualTo(ServiceState.STARTED);
		});
	}

	private static HealthView health(BandmasterHealthContributor contributor, String name) {
		HealthView health = LineHealth.read(contributor.getContributor(name), true);
		assertThat(health).isNotNull();
		return health;
	}

	private static ServiceDescriptor describe(BandmasterEndpoint endpoint, String name) {
		return endpoint.services()
			.services()
			.stream()
			.filter((service) -> service.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class SupervisedConfiguration {

		@Bean
		@BandService(restart = Restart.ON_FAILURE)
		BreakableService cache() {
			return new BreakableService("Connection refused: redis://app:s3cret@cache:6379");
		}

		@Bean
		@BandService(dependsOn = "cache")
		RecordingService catalog() {
			return new RecordingService("catalog", new Journal());
		}

	}

}
