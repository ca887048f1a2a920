package dev.bandmaster.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample, running, loses Redis or PostgreSQL and gets it back: with
 * {@code restart: on-failure} on their gates (as its profiles set it), the services that
 * depend on the server are stopped, readiness refuses traffic and health tells the
 * failure; once the server is back, the gate and its dependents are started again and
 * readiness accepts traffic. Each server is the test's own, stopped and started with its
 * own command; the shared ones are never touched.
 */
class SampleSupervisionTests {

	/** Loose, to catch a hang: each recovery takes seconds. */
	private static final Duration HANG = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void recoversFromRedisGoingAwayAndComingBack() throws Exception {
		try (RedisServer redis = RedisServer.create()) {
			redis.start();
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
				.profiles("redis")
				.run("--server.port=0", "--spring.data.redis.port=" + redis.port(),
						"--bandmaster.services.redis.check-interval=200ms",
						"--bandmaster.services.redis.initial-backoff=200ms",
						"--bandmaster.services.redis.max-backoff=1s", "--sample.partner-feed.failing-attempts=0")) {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(get(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);

				redis.stop();
				awaitState(maestro, "redis", (state) -> state != ServiceState.STARTED);
				awaitState(maestro, "price-cache", ServiceState.STOPPED::equals);
				assertThat(maestro.state("catalog")).isEqualTo(ServiceState.STARTED);
				assertRefusingTraffic(context);
				HttpResponse<String> health = get(context, "/actuator/health/bandmaster/redis");
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(health.body()).contains("\"status\":\"DOWN\"")
					.contains("\"failures\":1")
					.contains("\"lastFailedAt\":\"")
					.contains("\"lastFailure\":\"");

				redis.start();
				awaitState(maestro, "price-cache", ServiceState.STARTED::equals);
				assertThat(maestro.state("redis")).isEqualTo(ServiceState.STARTED);
				assertAcceptingTraffic(context);
				assertThat(get(context, "/actuator/health/bandmaster/redis").body()).contains("\"status\":\"UP\"");
			}
		}
	}

	@Test
	void recoversFromPostgresqlGoingAwayAndComingBack() throws Exception {
		try (PostgresServer postgres = PostgresServer.create()) {
			postgres.start();
			postgres.sql("postgres", "CREATE ROLE bandmaster LOGIN PASSWORD 'bandmaster'");
			postgres.sql("postgres", "CREATE DATABASE bandmaster OWNER bandmaster");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
				.profiles("postgres")
				.run("--server.port=0", "--spring.datasource.url=" + postgres.jdbcUrl("bandmaster"),
						"--spring.datasource.hikari.connection-timeout=1000",
						"--bandmaster.services.datasource.check-interval=200ms",
						"--bandmaster.services.datasource.initial-backoff=200ms",
						"--bandmaster.services.datasource.max-backoff=1s",
						"--sample.partner-feed.failing-attempts=0")) {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(get(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);

				postgres.stop();
				awaitState(maestro, "datasource", (state) -> state != ServiceState.STARTED);
				for (String dependent : List.of("catalog", "price-cache", "search-index")) {
					awaitState(maestro, dependent, ServiceState.STOPPED::equals);
				}
				assertThat(maestro.state("partner-feed")).as("independent of the database")
					.isEqualTo(ServiceState.STARTED);
				assertRefusingTraffic(context);
				HttpResponse<String> health = get(context, "/actuator/health/bandmaster/datasource");
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"failures\":1");
				assertThat(health.body()).doesNotContain("password=bandmaster");

				postgres.start();
				for (String service : List.of("datasource", "catalog", "price-cache", "search-index")) {
					awaitState(maestro, service, ServiceState.STARTED::equals);
				}
				assertAcceptingTraffic(context);
				assertThat(get(context, "/products?q=coffee").statusCode()).isEqualTo(200);
			}
		}
	}

	private static void awaitState(Maestro maestro, String service, Predicate<ServiceState> expected) {
		await().atMost(HANG).until(() -> maestro.state(service), expected::test);
	}

	private void assertRefusingTraffic(ConfigurableApplicationContext context) throws Exception {
		ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		assertThat(get(context, "/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(get(context, "/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private void assertAcceptingTraffic(ConfigurableApplicationContext context) throws Exception {
		await().atMost(HANG)
			.until(() -> context.getBean(ApplicationAvailability.class).getReadinessState(),
					ReadinessState.ACCEPTING_TRAFFIC::equals);
		assertThat(get(context, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String path) throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
