package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterEvent;
import dev.bandmaster.spring.BootCompletedEvent;
import dev.bandmaster.spring.ServiceStartFailedEvent;
import dev.bandmaster.spring.ServiceStopFailedEvent;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.ChainConfiguration;
import dev.bandmaster.spring.testsupport.EventsConfiguration;
import dev.bandmaster.spring.testsupport.GatedService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterLifecycle}: the order of start and stop, the background
 * boot, failures during and after the boot, and the edges of its timeouts.
 */
class BandmasterLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void closesDuringABackgroundBootWithAShutdownTimeoutTooLongToCountInMilliseconds() {
		CountDownLatch starting = new CountDownLatch(1);
		this.runner.withBean(CountDownLatch.class, () -> starting)
			.withUserConfiguration(SlowServiceConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background",
					"bandmaster.shutdown.timeout=" + Long.MAX_VALUE + "s")
			.run((context) -> {
				assertThat(starting.await(10, TimeUnit.SECONDS)).isTrue();
				// Closing interrupts the boot and waits for it: a timeout that cannot be
				// counted in milliseconds waits as long as it takes, rather than
				// throwing.
				context.close();
				assertThat(context.getSourceApplicationContext().isActive()).isFalse();
			});
	}

	@Test
	void startsInDependencyOrderAndStopsInReverse() {
		this.runner.withUserConfiguration(ChainConfiguration.class).run((context) -> {
			Journal journal = context.getBean(Journal.class);
			assertThat(journal.entries("start:")).containsExactly("start:database", "start:cache", "start:api");
			context.close();
			assertThat(journal.entries("stop:")).containsExactly("stop:api", "stop:cache", "stop:database");
		});
	}

	@Test
	void closingTheContextInterruptsABackgroundBoot() {
		this.runner.withPropertyValues("bandmaster.startup.mode=background")
			.withBean(SlowService.class)
			.withBean("after", BandServiceRegistration.class,
					() -> BandServiceRegistration.builder("after", new RecordingService("after", new Journal()))
						.dependsOn("slow")
						.build())
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				long began = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
				assertThat(maestro.services()).extracting(ServiceSnapshot::state)
					.doesNotContain(ServiceState.STARTED, ServiceState.STARTING);
			});
	}

	@Test
	void closingTheContextFromTheBootCompletionOnTheBootThreadStopsWhatStarted() {
		// Handed in from here: the context may be closed before the test could ask it.
		Journal journal = new Journal();
		CountDownLatch closed = new CountDownLatch(1);
		this.runner.withBean(Journal.class, () -> journal)
			.withBean(CountDownLatch.class, () -> closed)
			.withUserConfiguration(CloseOnFailedBootConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background")
			.run((context) -> {
				assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(journal.entries("stop:")).containsExactly("stop:good");
			});
	}

	@Test
	void aListenerFailingTheStartupAfterTheBootStopsWhatStarted() {
		Journal journal = new Journal();
		this.runner.withBean(Journal.class, () -> journal)
			.withUserConfiguration(VetoingListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessage("vetoed");
				assertThat(journal.entries("stop:")).containsExactly("stop:good");
			});
	}

	@Test
	void shutdownTimeoutBoundsTheStop() {
		this.runner.withUserConfiguration(HangingStopConfiguration.class, EventsConfiguration.class)
			.withPropertyValues("bandmaster.shutdown.timeout=200ms")
			.run((context) -> {
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events();
				long began = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
				assertThat(events).filteredOn(ServiceStopFailedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(event.getServiceName()).isEqualTo("hanging"));
			});
	}

	@Test
	void keepsRunningWhenAnOptionalServiceFails() {
		this.runner
			.withUserConfiguration(ChainConfiguration.class, OptionalFailureConfiguration.class,
					EventsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Maestro.class).state("feed")).isEqualTo(ServiceState.FAILED);
				assertThat(context.getBean(Maestro.class).state("api")).isEqualTo(ServiceState.STARTED);
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events();
				assertThat(events).filteredOn(ServiceStartFailedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(event.getServiceName()).isEqualTo("feed"));
				assertThat(events).filteredOn(BootCompletedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> {
						BootCompletedEvent completed = (BootCompletedEvent) event;
						assertThat(completed.isSuccessful()).isTrue();
						assertThat(completed.getFailures()).hasSize(1);
					});
			});
	}

	@BandService(name = "slow")
	static class SlowService extends GatedService {

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowServiceConfiguration {

		@Bean
		@BandService
		Service slow(CountDownLatch starting) {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) throws InterruptedException {
					starting.countDown();
					new CountDownLatch(1).await();
				}

				@Override
				public void stop() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CloseOnFailedBootConfiguration {

		@Bean
		@BandService
		RecordingService good(Journal journal) {
			return new RecordingService("good", journal);
		}

		@Bean
		@BandService(dependsOn = "good")
		RecordingService bad(Journal journal) {
			return RecordingService.failingForever("bad", journal, "boom");
		}

		@Bean
		ApplicationListener<BootCompletedEvent> closeOnFailedBoot(ConfigurableApplicationContext context,
				CountDownLatch closed) {
			return (event) -> {
				if (!event.isSuccessful()) {
					context.close();
					closed.countDown();
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class VetoingListenerConfiguration {

		@Bean
		@BandService
		RecordingService good(Journal journal) {
			return new RecordingService("good", journal);
		}

		@Bean
		ApplicationListener<BootCompletedEvent> veto() {
			return (event) -> {
				throw new IllegalStateException("vetoed");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HangingStopConfiguration {

		@Bean
		@BandService
		Service hanging() {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) {
				}

				@Override
				public void stop() throws InterruptedException {
					new CountDownLatch(1).await();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionalFailureConfiguration {

		@Bean
		@BandService(required = false)
		RecordingService feed(Journal journal) {
			return RecordingService.failingForever("feed", journal, "partner down");
		}

	}

}
