package dev.bandmaster.spring.lifecycle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.ServiceStartedEvent;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.diagnostics.ServiceStartFailureAnalyzer;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for band services that hold beans: a held bean is created only once its service,
 * and what that service depends on, has started; everything else is created and booted as
 * without holds; and every configuration error is reported before any bean is created.
 */
class BandServiceHoldTests {

	private final Journal journal = new Journal();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
		.withBean(Journal.class, () -> this.journal);

	@Test
	void createsAHeldBeanOnlyOnceItsServiceHasStarted() {
		this.runner.withUserConfiguration(HoldingConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.journal.entries()).containsSubsequence("create:free", "start:gate", "create:consumer");
			assertThat(this.journal.entries()).as("the free bean was not held")
				.containsSubsequence("create:free", "attempt:gate");
		});
	}

	@Test
	void holdsTheRefreshInBackgroundModeToo() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.journal.entries()).as("the refresh waited for the gate")
					.containsSubsequence("start:gate", "create:consumer");
			});
	}

	@Test
	void theContextsStartLeavesAServiceStartedAheadAsItIs() {
		this.runner.withUserConfiguration(HoldingConfiguration.class).run((context) -> {
			assertThat(this.journal.entries("attempt:gate")).hasSize(1);
			assertThat(this.journal.entries()).as("the rest boots when the context starts")
				.containsSubsequence("create:consumer", "start:other");
			assertThat(context.getBean(Maestro.class).state("gate")).isEqualTo(ServiceState.STARTED);
			context.close();
			assertThat(this.journal.entries("stop:")).containsExactlyInAnyOrder("stop:gate", "stop:network",
					"stop:other");
		});
	}

	@Test
	void startsWhatTheHoldingServiceDependsOnFirst() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.depends-on=network")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.journal.entries()).containsSubsequence("start:network", "start:gate", "create:consumer",
						"start:other");
			});
	}

	@Test
	void holdsEveryBeanOfTheTypesItNames() {
		this.runner.withUserConfiguration(TypeHoldingConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(this.journal.entries()).containsSubsequence("start:gate", "create:first")
				.containsSubsequence("start:gate", "create:second");
		});
	}

	@Test
	void theConfigurationReplacesTheHeldBeans() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.holds=free")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.journal.entries()).containsSubsequence("start:gate", "create:free");
				assertThat(context.getBeanFactory().getBeanDefinition("free").getDependsOn())
					.containsExactly("bandmasterHold.gate");
				assertThat(context.getBeanFactory().getBeanDefinition("consumer").getDependsOn()).isNullOrEmpty();
			});
	}

	@Test
	void anEmptyConfigurationHoldsNothing() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.holds=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsBeanDefinition("bandmasterHold.gate")).isFalse();
				assertThat(this.journal.entries()).containsSubsequence("create:consumer", "start:gate");
			});
	}

	@Test
	void aHeldBeanThatDoesNotExistFailsTheStartupNamingTheKey() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.holds=consumr")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BandmasterConfigurationException.class)
					.hasMessageContaining("'gate' holds bean 'consumr'");
				assertThat(((BandmasterConfigurationException) context.getStartupFailure()).getAction())
					.contains("bandmaster.services.gate.holds");
				assertThat(this.journal.entries()).isEmpty();
			});
	}

	@Test
	void aServiceCannotHoldTheBeanOfAServiceItNeeds() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.depends-on=network", "bandmaster.services.gate.holds=network")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BandmasterConfigurationException.class)
					.hasMessageContaining("'gate' holds bean 'network', which it needs to start");
			});
	}

	@Test
	void aServiceThatDoesNotStartFailsTheStartupBeforeItsBeansAreCreated() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("test.gate.fails=true", "bandmaster.services.gate.retries=2",
					"bandmaster.services.gate.initial-backoff=1ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				BandmasterStartupException failure = findCause(context.getStartupFailure(),
						BandmasterStartupException.class);
				assertThat(failure.getHeldBeans()).containsExactly("consumer");
				assertThat(this.journal.entries("attempt:gate")).hasSize(3);
				assertThat(this.journal.entries()).doesNotContain("create:consumer", "attempt:other");
				FailureAnalysis analysis = new ServiceStartFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.startsWith("BandMaster could not start the required service 'gate' after 3 attempts (2 retries)")
					.contains("The beans it holds were not created: consumer.");
				assertThat(analysis.getAction()).contains("bandmaster.services.gate.retries")
					.contains("bandmaster.services.gate.holds");
			});
	}

	@Test
	void whatStartedAheadIsStoppedWhenTheStartupFails() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("test.gate.fails=true", "bandmaster.services.gate.depends-on=network")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(this.journal.entries()).containsSubsequence("start:network", "attempt:gate", "stop:network");
			});
	}

	@Test
	void anUnknownServiceNameIsReportedBeforeAnyBeanIsCreated() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gaet.retries=3")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BandmasterConfigurationException.class)
					.hasMessageContaining("bandmaster.services.gaet");
				assertThat(this.journal.entries()).isEmpty();
			});
	}

	@Test
	void aBadValueIsReportedBeforeAnyBeanIsCreated() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.retries=-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BandmasterConfigurationException.class)
					.hasMessageContaining("bandmaster.services.gate.retries");
				assertThat(this.journal.entries()).isEmpty();
			});
	}

	@Test
	void aLoopOrAMissingDependencyIsReportedBeforeAnyBeanIsCreated() {
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.depends-on=other",
					"bandmaster.services.other.depends-on=gate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BandmasterStartupException.class)
					.hasMessageContaining("gate -> other -> gate");
				assertThat(this.journal.entries()).isEmpty();
			});
		this.runner.withUserConfiguration(HoldingConfiguration.class)
			.withPropertyValues("bandmaster.services.gate.depends-on=netwrk")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(BandmasterStartupException.class)
					.hasMessageContaining("netwrk");
				assertThat(this.journal.entries()).isEmpty();
			});
	}

	@Test
	void publishesTheEventsOfAServiceStartedAheadWhenTheContextStarts() {
		this.runner.withUserConfiguration(HoldingConfiguration.class, StartedEvents.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(StartedEvents.class).names).containsExactlyInAnyOrder("gate", "network",
					"other");
		});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		Throwable current = failure;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure, failure);
	}

	/**
	 * A bean that records its creation.
	 */
	static class HeldBean {

		HeldBean(String name, Journal journal) {
			journal.record("create:" + name);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HoldingConfiguration {

		@Bean
		HeldBean free(Journal journal) {
			return new HeldBean("free", journal);
		}

		@Bean
		@BandService(holds = "consumer")
		RecordingService gate(Journal journal, org.springframework.core.env.Environment environment) {
			return environment.getProperty("test.gate.fails", Boolean.class, false)
					? RecordingService.failingForever("gate", journal, "no answer")
					: new RecordingService("gate", journal);
		}

		@Bean
		@BandService
		RecordingService network(Journal journal) {
			return new RecordingService("network", journal);
		}

		@Bean
		HeldBean consumer(Journal journal) {
			return new HeldBean("consumer", journal);
		}

		@Bean
		@BandService
		RecordingService other(Journal journal) {
			return new RecordingService("other", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TypeHoldingConfiguration {

		@Bean
		@BandService(holdsTypes = HeldBean.class)
		RecordingService gate(Journal journal) {
			return new RecordingService("gate", journal);
		}

		@Bean
		HeldBean first(Journal journal) {
			return new HeldBean("first", journal);
		}

		@Bean
		HeldBean second(Journal journal) {
			return new HeldBean("second", journal);
		}

	}

	static class StartedEvents {

		final List<String> names = new CopyOnWriteArrayList<>();

		@EventListener
		void started(ServiceStartedEvent event) {
			this.names.add(event.getServiceName());
		}

	}

}
