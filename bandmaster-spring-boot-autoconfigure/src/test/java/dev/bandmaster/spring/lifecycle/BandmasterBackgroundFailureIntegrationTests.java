package dev.bandmaster.spring.lifecycle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.LocalHttp;
import dev.bandmaster.spring.testsupport.LocalHttp.Response;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Background mode after a required service failed for good, through the real HTTP
 * endpoints: the application keeps refusing traffic and its {@code bandmaster} health is
 * {@code DOWN}, while its liveness stays {@code UP}, so that Kubernetes does not restart
 * a pod for a dependency that is down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "bandmaster.startup.mode=background", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.show-details=always", "management.health.redis.enabled=false" })
class BandmasterBackgroundFailureIntegrationTests {

	@Autowired
	private Environment environment;

	@Autowired
	private Maestro maestro;

	@Test
	void aRequiredFailureKeepsReadinessRefusingAndTheHealthDownWhileLivenessStaysUp() {
		// The failure is final once the maestro says so; ten seconds only catch a hang.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.maestro.state("database") == ServiceState.FAILED);
		LocalHttp http = new LocalHttp(this.environment);
		Response bandmaster = http.get("/actuator/health/bandmaster");
		assertThat(bandmaster.status()).isEqualTo(503);
		assertThat(bandmaster.<String>json("$.status")).isEqualTo("DOWN");
		assertThat(bandmaster.<String>json("$.components.database.details.state")).isEqualTo("FAILED");
		Response readiness = http.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.<String>json("$.status")).isEqualTo("OUT_OF_SERVICE");
		Response liveness = http.get("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.<String>json("$.status")).isEqualTo("UP");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FailingInTheBackgroundApplication {

		@Bean
		Journal journal() {
			return new Journal();
		}

		@Bean
		@BandService
		RecordingService database(Journal journal) {
			return RecordingService.failingForever("database", journal, "Connection refused");
		}

	}

}
