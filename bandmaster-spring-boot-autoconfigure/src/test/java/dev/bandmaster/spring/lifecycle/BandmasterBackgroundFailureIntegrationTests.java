package dev.bandmaster.spring.lifecycle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

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
@AutoConfigureRestTestClient
class BandmasterBackgroundFailureIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private Maestro maestro;

	@Test
	void aRequiredFailureKeepsReadinessRefusingAndTheHealthDownWhileLivenessStaysUp() {
		// The failure is final once the maestro says so; ten seconds only catch a hang.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.maestro.state("database") == ServiceState.FAILED);
		this.client.get()
			.uri("/actuator/health/bandmaster")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.components.database.details.state")
			.isEqualTo("FAILED");
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OUT_OF_SERVICE");
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
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
