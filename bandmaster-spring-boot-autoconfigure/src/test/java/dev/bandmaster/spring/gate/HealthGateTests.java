package dev.bandmaster.spring.gate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.testsupport.HealthView;
import dev.bandmaster.spring.testsupport.LineHealth;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests of {@link HealthGate} with Spring Boot's real {@code db} indicator on the real
 * PostgreSQL server.
 */
class HealthGateTests {

	@Test
	void opensWhenTheIndicatorReportsUp() {
		HealthGate gate = new HealthGate(LineHealth.db(postgres(LocalServers.postgresPort())), "db");
		assertThat(GateRuns.start(gate, 0, Duration.ZERO)).isEmpty();
	}

	@Test
	void checksThatTheIndicatorStillReportsUpUntilWhatItChecksGoesAway() throws Exception {
		try (ForwardingProxy postgres = ForwardingProxy.to(LocalServers.postgresPort())) {
			HealthGate gate = new HealthGate(LineHealth.db(postgres(postgres.port())), "db");
			gate.check();
			postgres.close();
			assertThatIllegalStateException().isThrownBy(gate::check)
				.withMessageStartingWith("Health contributor 'db' is not UP: 'db' reports DOWN {");
			postgres.reopen();
			gate.check();
		}
	}

	@Test
	void retriesThenReportsTheStatusAndDetailsOfAnIndicatorThatIsDown() {
		LocalServers.postgresPort();
		List<BandmasterException> errors = GateRuns
			.start(new HealthGate(LineHealth.db(postgres(LocalServers.closedPort())), "db"), 1, Duration.ofMillis(10));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.attempts()).isEqualTo(2);
			assertThat(error.getCause())
				.hasMessageStartingWith("Health contributor 'db' is not UP: 'db' reports DOWN {")
				.hasMessageContaining("error=org.springframework.jdbc.CannotGetJdbcConnectionException");
		});
	}

	@Test
	void opensACompositeOnlyWhenEachOfItsIndicatorsReportsUp() {
		int port = LocalServers.postgresPort();
		var bothUp = LineHealth
			.composite(Map.of("orders", LineHealth.db(postgres(port)), "customers", LineHealth.db(postgres(port))));
		assertThat(GateRuns.start(new HealthGate(bothUp, "db"), 0, Duration.ZERO)).isEmpty();
		var oneDown = LineHealth.composite(Map.of("orders", LineHealth.db(postgres(port)), "customers",
				LineHealth.db(postgres(LocalServers.closedPort()))));
		assertThat(GateRuns.start(new HealthGate(oneDown, "db"), 0, Duration.ZERO)).singleElement()
			.satisfies((error) -> assertThat(error.getCause())
				.hasMessageStartingWith("Health contributor 'db' is not UP: 'db/customers' reports DOWN {")
				.message()
				.doesNotContain("db/orders"));
	}

	@Test
	void masksThePasswordsInTheDetails() {
		var broker = LineHealth
			.indicator(() -> new HealthView("DOWN", Map.of("url", "amqp://guest:s3cret@rabbit.example.com:5672", "jdbc",
					"jdbc:postgresql://db/orders?user=app&password=hunter2")));
		assertThat(GateRuns.start(new HealthGate(broker, "rabbit"), 0, Duration.ZERO)).singleElement()
			.satisfies((error) -> assertThat(error.getCause()).hasMessageContaining("amqp://guest:******@rabbit")
				.hasMessageContaining("password=******")
				.message()
				.doesNotContain("s3cret", "hunter2"));
	}

	@Test
	void reportsAnIndicatorWithoutHealth() {
		var silent = LineHealth.indicator(() -> null);
		assertThat(GateRuns.start(new HealthGate(silent, "silent"), 0, Duration.ZERO)).singleElement()
			.satisfies((error) -> assertThat(error.getCause())
				.hasMessage("Health contributor 'silent' is not UP: 'silent' reports no health"));
	}

	@Test
	void honoursTheAttemptTimeoutWhenTheIndicatorIgnoresInterruption() {
		CountDownLatch released = new CountDownLatch(1);
		var stubborn = LineHealth.indicator(() -> {
			while (released.getCount() > 0) {
				try {
					released.await();
				}
				catch (InterruptedException ex) {
					// Ignored, as some clients do.
				}
			}
			return new HealthView("UP", Map.of());
		});
		try {
			Maestro maestro = new Maestro();
			maestro.addService(ServiceDefinition.builder("health-stubborn", new HealthGate(stubborn, "stubborn"))
				.startTimeout(Duration.ofMillis(200))
				.build());
			long began = System.nanoTime();
			List<BandmasterException> errors = maestro.startAll(Duration.ofSeconds(30));
			assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
			assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		}
		finally {
			released.countDown();
		}
	}

	private static PGSimpleDataSource postgres(int port) {
		PGSimpleDataSource dataSource = LocalServers.postgresDataSource(port);
		dataSource.setConnectTimeout(1);
		return dataSource;
	}

}
