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

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.GatedService;
import dev.bandmaster.spring.testsupport.LocalHttp;
import dev.bandmaster.spring.testsupport.LocalHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of background mode through the real HTTP endpoints: the application serves
 * requests at once, but its readiness probe refuses traffic until every required service
 * is up, although Spring Boot itself has published that the application accepts traffic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "bandmaster.startup.mode=background",
		"management.endpoint.health.probes.enabled=true", "management.endpoint.health.show-details=always" })
class BandmasterBackgroundIntegrationTests {

	@Autowired
	private Environment environment;

	@Autowired
	private GatedService slow;

	@Test
	void readinessFlipsOnceTheRequiredServicesAreUp() {
		LocalHttp http = new LocalHttp(this.environment);
		Response readiness = http.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.<String>json("$.status")).isEqualTo("OUT_OF_SERVICE");
		Response slow = http.get("/actuator/health/bandmaster/slow");
		assertThat(slow.status()).isEqualTo(503);
		assertThat(slow.<String>json("$.status")).isEqualTo("DOWN");
		assertThat(slow.<String>json("$.details.state")).isEqualTo("STARTING");
		this.slow.open();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Response ready = http.get("/actuator/health/readiness");
			assertThat(ready.status()).isEqualTo(200);
			assertThat(ready.<String>json("$.status")).isEqualTo("UP");
		});
		Response started = http.get("/actuator/health/bandmaster/slow");
		assertThat(started.status()).isEqualTo(200);
		assertThat(started.<String>json("$.status")).isEqualTo("UP");
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
