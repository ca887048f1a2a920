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

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.GatedService;

import static org.awaitility.Awaitility.await;

/**
 * Tests of background mode through the real HTTP endpoints: the application serves
 * requests at once, but its readiness probe refuses traffic until every required service
 * is up, although Spring Boot itself has published that the application accepts traffic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "bandmaster.startup.mode=background", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.show-details=always" })
@AutoConfigureRestTestClient
class BandmasterBackgroundIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private GatedService slow;

	@Test
	void readinessFlipsOnceTheRequiredServicesAreUp() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OUT_OF_SERVICE");
		this.client.get()
			.uri("/actuator/health/bandmaster/slow")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.details.state")
			.isEqualTo("STARTING");
		this.slow.open();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/health/readiness")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP"));
		this.client.get()
			.uri("/actuator/health/bandmaster/slow")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BackgroundApplication {

		@Bean
		@BandService
		GatedService slow() {
			return new GatedService();
		}

	}

}
