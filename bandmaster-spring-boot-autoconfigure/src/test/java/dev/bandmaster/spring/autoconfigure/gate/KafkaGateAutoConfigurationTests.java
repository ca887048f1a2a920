package dev.bandmaster.spring.autoconfigure.gate;

import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.gate.LocalServers;
import dev.bandmaster.spring.testsupport.LineAutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link KafkaGateAutoConfiguration} with Spring Boot's real Kafka
 * auto-configuration, against Spring Kafka's embedded KRaft broker.
 */
class KafkaGateAutoConfigurationTests {

	private static EmbeddedKafkaKraftBroker broker;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(BandmasterAutoConfiguration.class, KafkaGateAutoConfiguration.class, LineAutoConfigurations.KAFKA));

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1, "orders");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void opensTheGateOfTheKafkaAdminThatBootMakes() {
		this.runner
			.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"bandmaster.gates.kafka.enabled=true", "bandmaster.gates.kafka.topics=orders")
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.services()).extracting(ServiceSnapshot::name).containsExactly("kafka");
				assertThat(maestro.state("kafka")).isEqualTo(ServiceState.STARTED);
			});
	}

	@Test
	void failsTheStartupNamingTheTopicsThatDoNotExist() {
		this.runner
			.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"bandmaster.gates.kafka.enabled=true", "bandmaster.gates.kafka.topics=orders, payments")
			.run((context) -> {
				assertThat(context).getFailure().cause().isInstanceOf(BandmasterStartupException.class);
				BandmasterStartupException failure = (BandmasterStartupException) context.getStartupFailure()
					.getCause();
				assertThat(failure.getFailures()).singleElement()
					.satisfies((error) -> assertThat(error.getCause())
						.hasMessageEndingWith("has no topic payments (required: orders, payments)"));
			});
	}

	@Test
	void failsTheStartupAfterTheConfiguredAttemptsWhenNoBrokerAnswers() {
		String down = LocalServers.HOST + ":" + LocalServers.closedPort();
		this.runner
			.withPropertyValues("spring.kafka.bootstrap-servers=" + down, "bandmaster.gates.kafka.enabled=true",
					"bandmaster.gates.kafka.timeout=300ms", "bandmaster.services.kafka.retries=1",
					"bandmaster.services.kafka.initial-backoff=10ms")
			.run((context) -> {
				assertThat(context).getFailure().cause().isInstanceOf(BandmasterStartupException.class);
				BandmasterStartupException failure = (BandmasterStartupException) context.getStartupFailure()
					.getCause();
				assertThat(failure.getFailures()).singleElement().satisfies((error) -> {
					assertThat(error.serviceName()).isEqualTo("kafka");
					assertThat(error.attempts()).isEqualTo(2);
					assertThat(error.getCause()).hasMessageStartingWith(
							"Kafka cluster 'kafkaAdmin' ([" + down + "]) did not describe itself: ");
				});
			});
	}

	@Test
	void namesOneGatePerKafkaAdminAfterItsBeanWhenThereAreSeveral() {
		this.runner.withUserConfiguration(TwoKafkaAdminsConfiguration.class)
			.withPropertyValues("bandmaster.gates.kafka.enabled=true", "bandmaster.gates.kafka.name=events")
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.services()).extracting(ServiceSnapshot::name)
					.containsExactlyInAnyOrder("events-orders", "events-audit");
				assertThat(maestro.services()).extracting(ServiceSnapshot::state).containsOnly(ServiceState.STARTED);
			});
	}

	@Test
	void namesTheKeyOfATimeoutOutOfRange() {
		this.runner.withPropertyValues("bandmaster.gates.kafka.enabled=true", "bandmaster.gates.kafka.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.kafka.timeout is 0s, but must be a positive duration."));
		this.runner.withPropertyValues("bandmaster.gates.kafka.enabled=true", "bandmaster.gates.kafka.timeout=30d")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessageStartingWith("bandmaster.gates.kafka.timeout is 30d, but must be at most 2147483647ms"));
	}

	@Test
	void refusesABlankTopicName() {
		this.runner
			.withPropertyValues("bandmaster.gates.kafka.enabled=true", "bandmaster.gates.kafka.topics[0]=orders",
					"bandmaster.gates.kafka.topics[1]= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.kafka.topics holds a blank name."));
	}

	@Test
	void addsNoGateUnlessEnabled() {
		this.runner.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(KafkaAdmin.class)
				.doesNotHaveBean(BandServiceRegistration.class));
	}

	@Test
	void addsNoGateWhenBandmasterIsDisabled() {
		this.runner
			.withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"bandmaster.enabled=false", "bandmaster.gates.kafka.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	@Test
	void addsNoGateWithoutSpringKafka() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaAdmin.class))
			.withPropertyValues("bandmaster.gates.kafka.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoKafkaAdminsConfiguration {

		@Bean
		KafkaAdmin orders() {
			return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
		}

		@Bean
		KafkaAdmin audit() {
			return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
		}

	}

}
