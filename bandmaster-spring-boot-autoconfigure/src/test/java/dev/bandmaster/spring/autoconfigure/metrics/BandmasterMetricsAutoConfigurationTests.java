package dev.bandmaster.spring.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.metrics.BandmasterMetrics;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterMetricsAutoConfiguration} and {@link BandmasterMetrics}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BandmasterMetricsAutoConfigurationTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BandmasterAutoConfiguration.class, BandmasterMetricsAutoConfiguration.class))
		.withUserConfiguration(ServicesConfiguration.class)
		.withPropertyValues("bandmaster.services.flaky.retries=2", "bandmaster.services.flaky.initial-backoff=1ms");

	@Test
	void recordsStartsRetriesStatesAndStops() {
		this.runner.withBean(MeterRegistry.class, () -> this.registry).run((context) -> {
			assertThat(context).hasSingleBean(BandmasterMetrics.class);
			assertThat(this.registry.get("bandmaster.service.start")
				.tags("service", "database", "outcome", "success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(this.registry.get("bandmaster.service.start")
				.tags("service", "feed", "outcome", "failure")
				.timer()
				.count()).isEqualTo(1);
			assertThat(this.registry.get("bandmaster.service.retries").tag("service", "flaky").counter().count())
				.isEqualTo(2);
			assertThat(state("database")).isEqualTo(2);
			assertThat(state("feed")).isEqualTo(-1);
			context.close();
			assertThat(this.registry.get("bandmaster.service.stop").tag("service", "database").timer().count())
				.isEqualTo(1);
			assertThat(state("database")).isZero();
		});
	}

	@Test
	void registersEachStateGaugeOnceWhateverTheTransitions(CapturedOutput output) {
		// Micrometer warns of a second registration once per JVM, then logs it at debug
		// level: at debug level, every one is seen.
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(MeterRegistry.class.getName(), LogLevel.DEBUG);
		try {
			this.runner.withBean(MeterRegistry.class, () -> this.registry).run((context) -> {
				assertThat(this.registry.find("bandmaster.service.state").tag("service", "feed").gauges()).hasSize(1);
				context.close();
			});
		}
		finally {
			logging.setLogLevel(MeterRegistry.class.getName(), null);
		}
		assertThat(output).doesNotContain("already registered");
	}

	@Test
	void theStateGaugeReadsStartingAndStoppingWhileTheyLast() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BandmasterAutoConfiguration.class, BandmasterMetricsAutoConfiguration.class))
			.withUserConfiguration(GatesConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background")
			.withBean(MeterRegistry.class, () -> this.registry)
			.run((context) -> {
				Gates gates = context.getBean(Gates.class);
				assertThat(gates.starting.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(state("gated")).as("while starting").isEqualTo(1);
				gates.startGate.countDown();
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.serviceReady("gated", Duration.ofSeconds(10))).isSameAs(gates);
				assertThat(state("gated")).as("started").isEqualTo(2);
				CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close,
						(task) -> new Thread(task).start());
				assertThat(gates.stopping.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(state("gated")).as("while stopping").isEqualTo(3);
				gates.stopGate.countDown();
				closed.get(10, TimeUnit.SECONDS);
				assertThat(state("gated")).as("stopped").isZero();
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandmasterMetrics.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withBean(MeterRegistry.class, () -> this.registry)
			.withBean("customMetrics", BandmasterMetrics.class)
			.run((context) -> assertThat(context).getBean(BandmasterMetrics.class)
				.isSameAs(context.getBean("customMetrics")));
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BandmasterMetrics.class));
	}

	private double state(String service) {
		return this.registry.get("bandmaster.service.state").tag("service", service).gauge().value();
	}

	@Configuration(proxyBeanMethods = false)
	static class GatesConfiguration {

		@Bean
		@BandService
		Gates gated() {
			return new Gates();
		}

	}

	/** A service whose start and stop each wait until the test lets them return. */
	static class Gates implements Service {

		final CountDownLatch starting = new CountDownLatch(1);

		final CountDownLatch startGate = new CountDownLatch(1);

		final CountDownLatch stopping = new CountDownLatch(1);

		final CountDownLatch stopGate = new CountDownLatch(1);

		@Override
		public void start(Dependencies dependencies) throws InterruptedException {
			this.starting.countDown();
			this.startGate.await();
		}

		@Override
		public void stop() throws InterruptedException {
			this.stopping.countDown();
			this.stopGate.await();
		}

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
		@BandService
		RecordingService flaky(Journal journal) {
			return new RecordingService("flaky", journal, 2, "not yet");
		}

		@Bean
		@BandService(required = false)
		RecordingService feed(Journal journal) {
			return RecordingService.failingForever("feed", journal, "partner down");
		}

	}

}
