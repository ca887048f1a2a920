package dev.bandmaster.spring.gate;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceState;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

class RedisGateTests {

	@Test
	void opensAtOnceWhenRedisAnswers() {
		LettuceConnectionFactory factory = factory(LocalServers.redisPort());
		try {
			List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
			assertThat(GateRuns.start(new RedisGate(factory, "redis"), 3, Duration.ofMillis(50), retries(failures)))
				.isEmpty();
			assertThat(failures).isEmpty();
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void checksThatRedisStillAnswersPingUntilItGoesAwayAndAgainOnceItIsBack() throws Exception {
		try (ForwardingProxy redis = ForwardingProxy.to(LocalServers.redisPort())) {
			LettuceConnectionFactory factory = factory(redis.port());
			try {
				RedisGate gate = new RedisGate(factory, "cache");
				gate.check();
				redis.close();
				// Lettuce's shared connection was cut: its command times out, or a new
				// one is refused.
				assertThatException().isThrownBy(gate::check)
					.withMessageMatching("(?s).*(Unable to connect|command timed out).*");
				redis.reopen();
				// Lettuce reconnects in the background, after a delay of its own.
				await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(gate::check);
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void aSupervisedGateStopsItsDependentsWhileRedisIsAwayAndStartsThemAgainWhenItIsBack() throws Exception {
		try (ForwardingProxy redis = ForwardingProxy.to(LocalServers.redisPort())) {
			LettuceConnectionFactory factory = factory(redis.port());
			try {
				GateRuns.assertSupervisedGateFollowsItsInfrastructure(new RedisGate(factory, "cache"), redis::close,
						redis::reopen);
			}
			finally {
				factory.destroy();
			}
		}
	}

	@Test
	void retriesAsConfiguredThenReportsTheCauseWhenRedisIsDown() {
		LocalServers.redisPort();
		LettuceConnectionFactory factory = factory(LocalServers.closedPort());
		try {
			List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
			List<BandmasterException> errors = GateRuns.start(new RedisGate(factory, "cache"), 2, Duration.ofMillis(20),
					retries(failures));
			assertThat(failures).containsExactly(1, 2);
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
				assertThat(error.attempts()).isEqualTo(3);
				assertThat(error.getCause()).hasMessageContaining("Unable to connect");
			});
		}
		finally {
			factory.destroy();
		}
	}

	@Test
	void opensOnALaterAttemptWhenRedisComesUpWhileTheGateRetries() throws Exception {
		String redisServer = LocalServers.redisServerBinary();
		int port = LocalServers.closedPort();
		LettuceConnectionFactory factory = factory(port);
		CompletableFuture<Process> server = new CompletableFuture<>();
		List<Integer> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		MaestroListener startRedisOnTheFirstFailure = new MaestroListener() {
			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable error) {
				failures.add(attempt);
				if (attempt == 1) {
					server.completeAsync(() -> startRedis(redisServer, port));
				}
			}
		};
		try {
			// Up to 200 attempts 250 ms apart: Redis answers within a second or two of
			// being started, and the 50 s budget only catches a server that never does.
			List<BandmasterException> errors = GateRuns.start(new RedisGate(factory, "cache"), 200,
					Duration.ofMillis(250), startRedisOnTheFirstFailure);
			assertThat(errors).isEmpty();
			assertThat(failures).as("attempts that failed before Redis came up").isNotEmpty();
		}
		finally {
			factory.destroy();
			Process process = server.get(30, TimeUnit.SECONDS);
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void honoursTheAttemptTimeoutWhenRedisNeverReplies() throws Exception {
		// Jedis blocks in a socket read, which interruption does not end (Lettuce waits
		// interruptibly, so it would not tell).
		try (SilentServer silent = SilentServer.accepting()) {
			JedisConnectionFactory factory = new JedisConnectionFactory(
					new RedisStandaloneConfiguration(LocalServers.HOST, silent.port()),
					JedisClientConfiguration.builder()
						.connectTimeout(Duration.ofSeconds(60))
						.readTimeout(Duration.ofSeconds(60))
						.build());
			factory.afterPropertiesSet();
			factory.start();
			try {
				GateRuns.assertEachAttemptEndsAtItsTimeout(new RedisGate(factory, "silent"));
			}
			finally {
				factory.destroy();
			}
		}
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

	private static Process startRedis(String redisServer, int port) {
		try {
			return new ProcessBuilder(redisServer, "--bind", LocalServers.HOST, "--port", Integer.toString(port),
					"--save", "", "--appendonly", "no")
				.redirectOutput(new File("target/redis-gate-test-" + port + ".log"))
				.redirectErrorStream(true)
				.start();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Could not start redis-server on port " + port, ex);
		}
	}

	private static LettuceConnectionFactory factory(int port) {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(LocalServers.HOST, port), client);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
