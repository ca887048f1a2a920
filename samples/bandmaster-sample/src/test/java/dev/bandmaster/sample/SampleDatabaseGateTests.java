package dev.bandmaster.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.sample.catalog.Catalog;
import dev.bandmaster.spring.BandmasterStartupException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample, with Flyway and JPA, on a PostgreSQL server of the test's own that is up,
 * comes up while the datasource gate retries, or never does: the gate holds Flyway's
 * migration and JPA's {@code EntityManagerFactory} until the database answers, and a
 * database that never does fails the startup with BandMaster's analysis rather than
 * Flyway's or Hibernate's.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleDatabaseGateTests {

	/** Loose, to catch a hang: the boots here take seconds. */
	private static final long HANG_SECONDS = 120;

	private static PostgresServer server;

	@BeforeAll
	static void createDatabase() throws Exception {
		server = PostgresServer.create();
		server.start();
		server.sql("postgres", "CREATE ROLE bandmaster LOGIN PASSWORD 'bandmaster'");
		server.sql("postgres", "CREATE DATABASE bandmaster OWNER bandmaster");
		server.stop();
	}

	@AfterAll
	static void removeDatabase() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@AfterEach
	void stopDatabase() throws Exception {
		server.stop();
	}

	@Test
	void bootsAtOnceWhenTheDatabaseIsUp() throws Exception {
		server.start();
		try (ConfigurableApplicationContext context = run(10, null)) {
			assertThat(context.getBean(Maestro.class).snapshot("datasource").attempts()).isOne();
			assertMigratedAndLoaded(context);
		}
	}

	@Test
	void bootsWhenTheDatabaseComesUpWhileTheGateRetries(CapturedOutput output) throws Exception {
		CountDownLatch firstRetry = new CountDownLatch(1);
		MaestroListener retries = new MaestroListener() {

			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable cause) {
				if (serviceName.equals("datasource")) {
					firstRetry.countDown();
				}
			}

		};
		CompletableFuture<ConfigurableApplicationContext> boot = CompletableFuture.supplyAsync(() -> run(60, retries));
		try {
			assertThat(firstRetry.await(HANG_SECONDS, TimeUnit.SECONDS)).as("the gate retried").isTrue();
			assertThat(output).doesNotContain("Flyway").doesNotContain("HHH");
			server.start();
			try (ConfigurableApplicationContext context = boot.get(HANG_SECONDS, TimeUnit.SECONDS)) {
				ServiceSnapshot gate = context.getBean(Maestro.class).snapshot("datasource");
				assertThat(gate.state()).isEqualTo(ServiceState.STARTED);
				assertThat(gate.attempts()).isGreaterThan(1);
				assertMigratedAndLoaded(context);
				assertThat(output).contains("Band service 'datasource' started in")
					.contains("before the beans it holds: [flyway, flywayInitializer");
				Matcher report = Pattern.compile("\\n(datasource) +- +(\\d+) ").matcher(output.getOut());
				assertThat(report.find()).as("the boot report's datasource line").isTrue();
				assertThat(Integer.parseInt(report.group(2))).isEqualTo(gate.attempts());
			}
		}
		finally {
			boot.whenComplete((context, failure) -> {
				if (context != null) {
					context.close();
				}
			});
		}
	}

	@Test
	void failsWithBandMastersAnalysisWhenTheDatabaseNeverComesUp(CapturedOutput output) {
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> run(2, null))
			.satisfies((failure) -> assertThat(causes(failure)).anyMatch(BandmasterStartupException.class::isInstance));
		String report = output.getOut().substring(output.getOut().indexOf("APPLICATION FAILED TO START"));
		assertThat(report)
			.contains("BandMaster could not start the required service 'datasource' after 3 attempts (2 retries)")
			.contains("The beans it holds were not created: flyway, flywayInitializer")
			.contains("raise bandmaster.services.datasource.retries")
			.doesNotContain("FlywaySqlUnableToConnectToDbException")
			.doesNotContain("Unable to determine Dialect");
		assertThat(output).doesNotContain("password=bandmaster");
	}

	private static ConfigurableApplicationContext run(int retries, MaestroListener listener) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("postgres");
		if (listener != null) {
			application
				.initializers((context) -> context.getBeanFactory().registerSingleton("testRetryListener", listener));
		}
		// As command-line arguments: they win over the profile's settings, as a user's
		// would, and the server's port over a BANDMASTER_PG_PORT in the environment
		// (.ci/run exports the shared server's).
		return application.run("--server.port=0", "--BANDMASTER_PG_PORT=" + server.port(),
				"--bandmaster.services.datasource.retries=" + retries,
				"--bandmaster.services.datasource.initial-backoff=100ms",
				"--bandmaster.services.datasource.max-backoff=500ms", "--sample.partner-feed.failing-attempts=0");
	}

	private static void assertMigratedAndLoaded(ConfigurableApplicationContext context) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
			.isOne();
		assertThat(context.getBean(Catalog.class).products()).hasSize(9);
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new java.util.ArrayList<>();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			causes.add(current);
		}
		return causes;
	}

}
