package dev.bandmaster.spring.lifecycle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Restart;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.gate.TcpGateAutoConfiguration;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the supervision settings, {@code restart} and {@code check-interval}: where
 * they are read from, in which order they apply, the default check interval, and the
 * errors that name a value out of range.
 */
class SupervisionSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
		.withBean(Journal.class, Journal::new);

	@Test
	void servicesAreNotSupervisedUnlessSomethingSaysSo() {
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.run(definitions((collector) -> assertThat(collector.definition("plain"))
				.extracting(ServiceDefinition::restart, ServiceDefinition::checkInterval)
				.containsExactly(Restart.NEVER, null)));
	}

	@Test
	void appliesDefaultsAnnotationRegistrationAndConfigurationInThatOrder() {
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.withPropertyValues("bandmaster.defaults.restart=on-failure", "bandmaster.defaults.check-interval=7s",
					"bandmaster.services.configured.restart=never", "bandmaster.services.configured.check-interval=3s")
			.run(definitions((collector) -> {
				assertThat(collector.definition("plain"))
					.extracting(ServiceDefinition::restart, ServiceDefinition::checkInterval)
					.containsExactly(Restart.ON_FAILURE, Duration.ofSeconds(7));
				assertThat(collector.definition("annotated"))
					.extracting(ServiceDefinition::restart, ServiceDefinition::checkInterval)
					.containsExactly(Restart.ON_FAILURE, Duration.ofSeconds(2));
				assertThat(collector.definition("registered"))
					.extracting(ServiceDefinition::restart, ServiceDefinition::checkInterval)
					.containsExactly(Restart.NEVER, Duration.ofMillis(1500));
				assertThat(collector.definition("configured"))
					.extracting(ServiceDefinition::restart, ServiceDefinition::checkInterval)
					.containsExactly(Restart.NEVER, Duration.ofSeconds(3));
			}));
	}

	@Test
	void annotationAndRegistrationWinOverTheDefaults() {
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.withPropertyValues("bandmaster.defaults.restart=never")
			.run(definitions((collector) -> {
				assertThat(collector.definition("onFailure").restart()).isEqualTo(Restart.ON_FAILURE);
				assertThat(collector.definition("registered").restart()).isEqualTo(Restart.NEVER);
				assertThat(collector.definition("supervisedRegistration").restart()).isEqualTo(Restart.ON_FAILURE);
			}));
	}

	@Test
	void aRestartOnFailureWithoutACheckIntervalIsCheckedEveryTenSeconds() {
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.withPropertyValues("bandmaster.services.plain.restart=on-failure")
			.run(definitions((collector) -> {
				assertThat(collector.definition("plain").checkInterval())
					.isEqualTo(BandmasterSettings.Supervision.DEFAULT_CHECK_INTERVAL)
					.isEqualTo(Duration.ofSeconds(10));
				assertThat(collector.definition("onFailure").checkInterval()).isEqualTo(Duration.ofSeconds(10));
				assertThat(collector.definition("annotated").checkInterval()).as("a check without restart")
					.isEqualTo(Duration.ofSeconds(2));
			}));
	}

	@Test
	void aGateIsSupervisedThroughItsServiceSettings() throws IOException {
		try (ServerSocket broker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			this.runner.withConfiguration(AutoConfigurations.of(TcpGateAutoConfiguration.class))
				.withPropertyValues("bandmaster.gates.tcp.enabled=true",
						"bandmaster.gates.tcp.endpoints.broker.host=127.0.0.1",
						"bandmaster.gates.tcp.endpoints.broker.port=" + broker.getLocalPort(),
						"bandmaster.services.broker.restart=on-failure",
						"bandmaster.services.broker.check-interval=250ms")
				.run(definitions((collector) -> assertThat(collector.definition("broker"))
					.extracting(ServiceDefinition::restart, ServiceDefinition::checkInterval)
					.containsExactly(Restart.ON_FAILURE, Duration.ofMillis(250))));
		}
	}

	@Test
	void aCheckIntervalOutOfRangeNamesItsKey() {
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.withPropertyValues("bandmaster.services.plain.check-interval=0s")
			.run(configurationError(
					"bandmaster.services.plain.check-interval is 0s, but must be a positive duration."));
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.withPropertyValues("bandmaster.defaults.check-interval=-5s")
			.run(configurationError("bandmaster.defaults.check-interval is -5s, but must be a positive duration."));
	}

	@Test
	void anUnknownRestartNamesItsKeyAndTheValues() {
		this.runner.withUserConfiguration(SupervisedConfiguration.class)
			.withPropertyValues("bandmaster.services.plain.restart=always")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasStackTraceContaining("bandmaster.services.plain.restart")
					.hasStackTraceContaining("always");
			});
	}

	@Test
	void invalidAnnotationValuesNameTheBeanAndAttribute() {
		this.runner.withUserConfiguration(InvalidAnnotationConfiguration.class)
			.run(configurationError(
					"@BandService(checkInterval) of bean 'eager' is 0s, but must be a positive duration."));
		this.runner.withUserConfiguration(TwoRestartsConfiguration.class)
			.run(configurationError(
					"@BandService(restart) of bean 'undecided' is [NEVER, ON_FAILURE], but must be at most one value."));
	}

	@Test
	void invalidRegistrationValuesNameTheRegistration() {
		this.runner.withUserConfiguration(InvalidRegistrationConfiguration.class)
			.run(configurationError("BandServiceRegistration 'eager' (bean 'eagerRegistration') checkInterval is "
					+ "-1s, but must be a positive duration."));
	}

	private static ContextConsumer<AssertableApplicationContext> definitions(Consumer<Definitions> check) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			check.accept(new Definitions(
					new BandServiceCollector(context.getBeanFactory(), context.getBean(BandmasterSettings.class))));
		};
	}

	private static ContextConsumer<AssertableApplicationContext> configurationError(String description) {
		return (context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (!(failure instanceof BandmasterConfigurationException) && failure.getCause() != null) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOf(BandmasterConfigurationException.class);
			assertThat(((BandmasterConfigurationException) failure).getDescription()).isEqualTo(description);
		};
	}

	private record Definitions(BandServiceCollector collector) {

		ServiceDefinition definition(String name) {
			return this.collector.collect()
				.stream()
				.filter((definition) -> definition.name().equals(name))
				.findFirst()
				.orElseThrow();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SupervisedConfiguration {

		@Bean
		@BandService
		RecordingService plain(Journal journal) {
			return new RecordingService("plain", journal);
		}

		@Bean
		@BandService(checkInterval = "2s")
		RecordingService annotated(Journal journal) {
			return new RecordingService("annotated", journal);
		}

		@Bean
		@BandService(restart = Restart.ON_FAILURE)
		RecordingService onFailure(Journal journal) {
			return new RecordingService("onFailure", journal);
		}

		@Bean
		@BandService(restart = Restart.ON_FAILURE, checkInterval = "1s")
		RecordingService configured(Journal journal) {
			return new RecordingService("configured", journal);
		}

		@Bean
		BandServiceRegistration registered(Journal journal) {
			return BandServiceRegistration.builder("registered", new RecordingService("registered", journal))
				.restart(Restart.NEVER)
				.checkInterval(Duration.ofMillis(1500))
				.build();
		}

		@Bean
		BandServiceRegistration supervisedRegistration(Journal journal) {
			return BandServiceRegistration
				.builder("supervisedRegistration", new RecordingService("supervisedRegistration", journal))
				.restart(Restart.ON_FAILURE)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidAnnotationConfiguration {

		@Bean
		@BandService(checkInterval = "0s")
		RecordingService eager(Journal journal) {
			return new RecordingService("eager", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoRestartsConfiguration {

		@Bean
		@BandService(restart = { Restart.NEVER, Restart.ON_FAILURE })
		RecordingService undecided(Journal journal) {
			return new RecordingService("undecided", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidRegistrationConfiguration {

		@Bean
		BandServiceRegistration eagerRegistration(Journal journal) {
			return BandServiceRegistration.builder("eager", new RecordingService("eager", journal))
				.checkInterval(Duration.ofSeconds(-1))
				.build();
		}

	}

}
