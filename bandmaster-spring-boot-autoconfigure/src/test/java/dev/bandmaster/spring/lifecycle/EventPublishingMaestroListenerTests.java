package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandmasterEvent;
import dev.bandmaster.spring.BootCompletedEvent;
import dev.bandmaster.spring.ServiceRetryEvent;
import dev.bandmaster.spring.ServiceStartedEvent;
import dev.bandmaster.spring.ServiceStartingEvent;
import dev.bandmaster.spring.ServiceStoppedEvent;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.ChainConfiguration;
import dev.bandmaster.spring.testsupport.EventsConfiguration;
import dev.bandmaster.spring.testsupport.FlakyConfiguration;
import dev.bandmaster.spring.testsupport.GatedService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for what the boot reports as it goes: the
 * {@link dev.bandmaster.spring.BandmasterEvent events} that
 * {@link EventPublishingMaestroListener} publishes, and the startup steps that
 * {@link StartupStepMaestroListener} records.
 */
class EventPublishingMaestroListenerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void publishesEventsForEveryTransition() {
		this.runner.withUserConfiguration(FlakyConfiguration.class, EventsConfiguration.class)
			.withPropertyValues("bandmaster.services.flaky.retries=3", "bandmaster.services.flaky.initial-backoff=1ms")
			.run((context) -> {
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events();
				assertThat(events).filteredOn(ServiceStartingEvent.class::isInstance).hasSize(1);
				assertThat(events).filteredOn(ServiceRetryEvent.class::isInstance)
					.extracting((event) -> ((ServiceRetryEvent) event).getAttempt())
					.containsExactly(1, 2, 3);
				assertThat(events).filteredOn(ServiceStartedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(((ServiceStartedEvent) event).getAttempts()).isEqualTo(4));
				assertThat(events).filteredOn(BootCompletedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(((BootCompletedEvent) event).isSuccessful()).isTrue());
				context.close();
				assertThat(events.subList(events.size() - 2, events.size()))
					.extracting((event) -> event.getClass().getSimpleName() + ":" + event.getServiceName())
					.containsExactly("ServiceStoppingEvent:flaky", "ServiceStoppedEvent:flaky");
			});
	}

	@Test
	void aBootCutShortByTheShutdownPublishesNoCompletion() {
		this.runner.withPropertyValues("bandmaster.startup.mode=background")
			.withUserConfiguration(EventsConfiguration.class)
			.withBean(SlowService.class)
			.run((context) -> {
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events();
				Maestro maestro = context.getBean(Maestro.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> maestro.state("slow") == ServiceState.STARTING);
				Thread boot = Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter((thread) -> thread.getName().equals("bandmaster-boot"))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no background boot thread"));
				context.close();
				// Only the boot thread publishes the completion: once it has ended, no
				// completion can come any more. Ten seconds only catch a hang.
				boot.join(10_000);
				assertThat(boot.isAlive()).as("the background boot thread, after the close").isFalse();
				assertThat(events).noneMatch(BootCompletedEvent.class::isInstance);
			});
	}

	@Test
	void recordsEachStartAsAnApplicationStartupStep() {
		BufferingApplicationStartup startup = new BufferingApplicationStartup(1000);
		this.runner.withInitializer((context) -> context.setApplicationStartup(startup))
			.withUserConfiguration(ChainConfiguration.class)
			.run((context) -> {
				List<StartupTimeline.TimelineEvent> steps = startup.getBufferedTimeline()
					.getEvents()
					.stream()
					.filter((event) -> event.getStartupStep().getName().equals("bandmaster.service.start"))
					.toList();
				assertThat(steps).hasSize(3);
				assertThat(steps).allSatisfy((step) -> assertThat(step.getStartupStep().getTags())
					.anySatisfy((tag) -> assertThat(tag.getKey() + "=" + tag.getValue()).isEqualTo("outcome=success")));
			});
	}

	@BandService(name = "slow")
	static class SlowService extends GatedService {

	}

}
