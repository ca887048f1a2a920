package dev.bandmaster.spring.gate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class DataSourceGateTests {

	@Test
	void opensAtOnceOnAnEmbeddedDatabase() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:gate;DB_CLOSE_DELAY=-1");
		assertThat(GateRuns.start(new DataSourceGate(h2, "h2", Duration.ofSeconds(2)), 0, Duration.ZERO)).isEmpty();
	}

	@Test
	void takesAValidationTimeoutTooLongToCountInMilliseconds() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:gate;DB_CLOSE_DELAY=-1");
		assertThat(GateRuns.start(new DataSourceGate(h2, "h2", Duration.ofSeconds(Long.MAX_VALUE)), 0, Duration.ZERO))
			.isEmpty();
	}

	@Test
	void opensAtOnceWhenPostgresAnswers() {
		PGSimpleDataSource postgres = LocalServers.postgresDataSource(LocalServers.postgresPort());
		AtomicInteger attempts = new AtomicInteger();
		DataSourceGate gate = new DataSourceGate(counting(postgres, attempts), "postgres", Duration.ofSeconds(2));
		assertThat(GateRuns.start(gate, 3, Duration.ofMillis(50))).isEmpty();
		assertThat(attempts).hasValue(1);
	}

	@Test
	void checksThatPostgresStillAnswersUntilItGoesAwayAndAgainOnceItIsBack() throws Exception {
		try (ForwardingProxy postgres = ForwardingProxy.to(LocalServers.postgresPort())) {
			PGSimpleDataSource dataSource = LocalServers.postgresDataSource(postgres.port());
			dataSource.setConnectTimeout(2);
			AtomicInteger connections = new AtomicInteger();
			DataSourceGate gate = new DataSourceGate(counting(dataSource, connections), "orders",
					Duration.ofSeconds(2));
			gate.check();
			assertThat(connections).hasValue(1);
			postgres.close();
			assertThatExceptionOfType(SQLException.class).isThrownBy(gate::check)
				.withMessageContaining("Connection to " + LocalServers.HOST + ":" + postgres.port());
			postgres.reopen();
			gate.check();
			assertThat(connections).hasValue(3);
		}
	}

	@Test
	void aSupervisedGateStopsItsDependentsWhilePostgresIsAwayAndStartsThemAgainWhenItIsBack() throws Exception {
		try (ForwardingProxy postgres = ForwardingProxy.to(LocalServers.postgresPort())) {
			PGSimpleDataSource dataSource = LocalServers.postgresDataSource(postgres.port());
			dataSource.setConnectTimeout(2);
			GateRuns.assertSupervisedGateFollowsItsInfrastructure(
					new DataSourceGate(dataSource, "orders", Duration.ofSeconds(2)), postgres::close, postgres::reopen);
		}
	}

	@Test
	void retriesAsConfiguredThenReportsTheDriversErrorWhenPostgresIsDown() {
		LocalServers.postgresPort();
		PGSimpleDataSource down = LocalServers.postgresDataSource(LocalServers.closedPort());
		down.setConnectTimeout(1);
		AtomicInteger attempts = new AtomicInteger();
		DataSourceGate gate = new DataSourceGate(counting(down, attempts), "orders", Duration.ofSeconds(1));
		List<BandmasterException> errors = GateRuns.start(gate, 2, Duration.ofMillis(20));
		assertThat(attempts).hasValue(3);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.attempts()).isEqualTo(3);
			assertThat(error.getCause()).isInstanceOf(java.sql.SQLException.class)
				.hasMessageContaining("Connection to " + LocalServers.HOST);
		});
	}

	@Test
	void honoursTheAttemptTimeoutWhenTheDriverHangsIgnoringInterruption() {
		try (UninterruptibleDataSource hanging = new UninterruptibleDataSource()) {
			GateRuns.assertEachAttemptEndsAtItsTimeout(new DataSourceGate(hanging, "hanging", Duration.ofSeconds(1)));
		}
	}

	@Test
	void honoursTheAttemptTimeoutWhenTheDatabaseNeverAnswers() throws Exception {
		// The PostgreSQL driver blocks in a socket read, which interruption does not end.
		try (SilentServer silent = SilentServer.accepting()) {
			PGSimpleDataSource postgres = LocalServers.postgresDataSource(silent.port());
			GateRuns.assertEachAttemptEndsAtItsTimeout(new DataSourceGate(postgres, "silent", Duration.ofSeconds(1)));
		}
	}

	/** A data source that counts the connections asked of it. */
	private static DataSource counting(DataSource target, AtomicInteger attempts) {
		DataSource counting = mock(DataSource.class);
		try {
			given(counting.getConnection()).willAnswer((invocation) -> {
				attempts.incrementAndGet();
				Connection connection = target.getConnection();
				return connection;
			});
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return counting;
	}

}
