package dev.bandmaster.spring.gate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.testsupport.LineEmbeddedKafka;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link KafkaGate} against Spring Kafka's embedded KRaft broker, a real broker
 * in the test's JVM.
 */
class KafkaGateTests {

	private static EmbeddedKafkaKraftBroker broker;

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
	void opensAtOnceWhenTheClusterDescribesItself() {
		List<Integer> failures = new CopyOnWriteArrayList<>();
		KafkaGate gate = new KafkaGate(config(broker.getBrokersAsString()), "kafkaAdmin", Duration.ofSeconds(5),
				List.of());
		assertThat(GateRuns.start(gate, 3, Duration.ofMillis(50), retries(failures))).isEmpty();
		assertThat(failures).isEmpty();
	}

	@Test
	void checksThatTheClusterStillDescribesItselfUntilItsBrokerGoesAway() throws Exception {
		EmbeddedKafkaKraftBroker own = new EmbeddedKafkaKraftBroker(1, 1, "orders");
		own.afterPropertiesSet();
		try {
			KafkaGate gate = new KafkaGate(config(own.getBrokersAsString()), "kafkaAdmin", Duration.ofSeconds(2),
					List.of("orders"));
			gate.check();
			BrokerServer server = own.getCluster().brokers().values().iterator().next();
			server.shutdown();
			server.awaitShutdown();
			assertThatException().isThrownBy(gate::check)
				.withMessageStartingWith(
						"Kafka cluster 'kafkaAdmin' (" + own.getBrokersAsString() + ") did not describe itself: ");
		}
		finally {
			own.destroy();
		}
	}

	@Test
	void opensWhenEveryGivenTopicExists() {
		KafkaGate gate = new KafkaGate(config(broker.getBrokersAsString()), "kafkaAdmin", Duration.ofSeconds(5),
				List.of("orders"));
		assertThat(GateRuns.start(gate, 0, Duration.ZERO)).isEmpty();
	}

	@Test
	void namesTheMissingTopics() {
		KafkaGate gate = new KafkaGate(config(broker.getBrokersAsString()), "kafkaAdmin", Duration.ofSeconds(5),
				List.of("payments", "orders", "refunds"));
		assertThat(GateRuns.start(gate, 0, Duration.ZERO)).singleElement()
			.satisfies((error) -> assertThat(error.getCause())
				.hasMessage("Kafka cluster 'kafkaAdmin' (" + broker.getBrokersAsString()
						+ ") has no topic payments, refunds (required: payments, orders, " + "refunds)"));
	}

	@Test
	void retriesAsConfiguredThenReportsWhyWhenNoBrokerAnswers() throws Exception {
		String down = LocalServers.HOST + ":" + LocalServers.closedPort();
		List<Integer> failures = new CopyOnWriteArrayList<>();
		KafkaGate gate = new KafkaGate(config(down), "events", Duration.ofMillis(500), List.of());
		CompletableFuture<List<BandmasterException>> run = CompletableFuture
			.supplyAsync(() -> GateRuns.start(gate, 2, Duration.ofMillis(20), retries(failures)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(adminThreads("events")).as("the Admin client of an attempt").isNotEmpty());
		List<BandmasterException> errors = run.get(30, TimeUnit.SECONDS);
		assertThat(failures).containsExactly(1, 2);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.attempts()).isEqualTo(3);
			assertThat(error.getCause())
				.hasMessageStartingWith("Kafka cluster 'events' (" + down + ") did not describe itself: ")
				.hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
		});
		assertThat(adminThreads("events")).as("Admin clients left running after the attempts").isEmpty();
	}

	@Test
	void honoursTheAttemptTimeoutWhileTheClusterDoesNotAnswer() {
		String down = LocalServers.HOST + ":" + LocalServers.closedPort();
		KafkaGate gate = new KafkaGate(config(down), "slow", Duration.ofSeconds(60), List.of());
		Maestro maestro = new Maestro();
		maestro.addService(ServiceDefinition.builder("kafka", gate).startTimeout(Duration.ofMillis(300)).build());
		long began = System.nanoTime();
		List<BandmasterException> errors = maestro.startAll(Duration.ofSeconds(60));
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(30));
		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
	}

	@Test
	void opensOnALaterAttemptWhenTheBrokerComesUpWhileTheGateRetries() throws Exception {
		EmbeddedKafkaKraftBroker restarting = new EmbeddedKafkaKraftBroker(1, 1);
		// The controller refuses the restarted broker until the stopped one's session has
		// expired: a short session keeps the test short.
		restarting.brokerProperty("broker.session.timeout.ms", "1000");
		restarting.brokerProperty("broker.heartbeat.interval.ms", "200");
		LineEmbeddedKafka.keepPortAcrossRestarts(restarting);
		restarting.afterPropertiesSet();
		try {
			BrokerServer server = restarting.getCluster().brokers().values().iterator().next();
			server.shutdown();
			server.awaitShutdown();
			List<Integer> failures = new CopyOnWriteArrayList<>();
			List<CompletableFuture<Void>> restarts = new CopyOnWriteArrayList<>();
			MaestroListener restartAfterTheFirstFailure = new MaestroListener() {
				@Override
				public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
						Throwable error) {
					failures.add(attempt);
					if (attempt == 1) {
						restarts.add(CompletableFuture.runAsync(server::startup));
					}
				}
			};
			KafkaGate gate = new KafkaGate(config(restarting.getBrokersAsString()), "restarting",
					Duration.ofMillis(500), List.of());
			List<BandmasterException> errors = GateRuns.start(gate, 40, Duration.ofMillis(250),
					restartAfterTheFirstFailure);
			assertThat(errors).isEmpty();
			assertThat(failures).as("attempts that failed before the broker came up").isNotEmpty();
			assertThat(restarts).singleElement().satisfies((restart) -> restart.get(30, TimeUnit.SECONDS));
		}
		finally {
			restarting.destroy();
		}
	}

	@Test
	void refusesATimeoutTheAdminClientCannotTake() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaGate(Map.of(), "kafka", Duration.ofDays(30), List.of()))
			.withMessageContaining("PT720H");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new KafkaGate(Map.of(), "kafka", Duration.ZERO, List.of()))
			.withMessageContaining("PT0S");
	}

	private static Map<String, Object> config(String bootstrapServers) {
		return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
	}

	private static List<Thread> adminThreads(String description) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().endsWith("| bandmaster-gate-" + description))
			.filter(Thread::isAlive)
			.toList();
	}

	private static MaestroListener retries(List<Integer> failures) {
		return new MaestroListener() {
			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable error) {
				failures.add(attempt);
			}
		};
	}

}
