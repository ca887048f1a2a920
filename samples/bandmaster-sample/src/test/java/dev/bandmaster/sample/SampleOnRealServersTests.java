package dev.bandmaster.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample with {@code --spring.profiles.active=postgres,redis} against the
 * PostgreSQL and Redis servers that {@code .ci/run} starts (ports from
 * {@code BANDMASTER_PG_PORT} and {@code BANDMASTER_REDIS_PORT}). In CI a missing server
 * fails the test; elsewhere the test is aborted with the reason.
 */
@SpringBootTest(properties = "server.port=0")
@ActiveProfiles({ "postgres", "redis" })
class SampleOnRealServersTests {

	private static final int POSTGRES_PORT = port("BANDMASTER_PG_PORT", 55432);

	private static final int REDIS_PORT = port("BANDMASTER_REDIS_PORT", 56379);

	@Autowired
	private Maestro maestro;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private DataSource dataSource;

	@BeforeAll
	static void requireServers() {
		require("PostgreSQL", POSTGRES_PORT);
		require("Redis", REDIS_PORT);
	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("BANDMASTER_PG_PORT", () -> POSTGRES_PORT);
		registry.add("BANDMASTER_REDIS_PORT", () -> REDIS_PORT);
	}

	@Test
	void bootsEveryServiceBehindTheDatabaseAndRedisGates() {
		assertThat(this.maestro.services())
			.allSatisfy((service) -> assertThat(service.state()).as(service.name()).isEqualTo(ServiceState.STARTED));
		assertThat(this.maestro.services()).extracting(ServiceSnapshot::name).contains("datasource", "redis");
		assertThat(this.maestro.snapshot("price-cache").dependencies()).contains("redis", "catalog");
		assertThat(this.redis.opsForHash().size("bandmaster-sample:prices")).isEqualTo(9);
	}

	@Test
	void runsOnThePostgresqlServerOfItsProfile() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getURL())
				.startsWith("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/bandmaster");
		}
		assertThat(new JdbcTemplate(this.dataSource).queryForObject("SELECT version()", String.class))
			.startsWith("PostgreSQL ");
	}

	private static int port(String variable, int defaultPort) {
		String configured = System.getenv(variable);
		return (configured != null && !configured.isBlank()) ? Integer.parseInt(configured.trim()) : defaultPort;
	}

	private static void require(String server, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
		}
		catch (IOException ex) {
			String reason = server + " is not running on 127.0.0.1:" + port + " (run the servers as .ci/run does)";
			// CI as the gate tests' LocalServers reads it: set, and neither false nor 0.
			String ci = System.getenv("CI");
			if (ci != null && !ci.isBlank() && !ci.trim().equalsIgnoreCase("false") && !ci.trim().equals("0")) {
				Assertions.fail(reason);
			}
			Assumptions.abort(reason);
		}
	}

}
