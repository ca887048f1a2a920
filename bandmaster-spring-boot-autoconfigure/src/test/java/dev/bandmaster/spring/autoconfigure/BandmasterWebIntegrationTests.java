package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of a web application with the actuator, through its real HTTP endpoints. The band
 * services are tuned in {@code application-web.yml}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("web")
class BandmasterWebIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private Journal journal;

	@Test
	void healthIsUpDespiteTheFailedOptionalService() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.components.database.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.components.feed.status")
			.isEqualTo("UNKNOWN")
			.jsonPath("$.components.bandmaster.components.feed.details.error")
			.isEqualTo("java.lang.IllegalStateException: Partner https://bot:******@feed.example/api is down");
	}

	@Test
	void healthOfOneServiceHasItsDetails() {
		this.client.get()
			.uri("/actuator/health/bandmaster/cache")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.state")
			.isEqualTo("STARTED")
			.jsonPath("$.details.required")
			.isEqualTo(true)
			.jsonPath("$.details.attempts")
			.isEqualTo(3)
			.jsonPath("$.details.dependsOn[0]")
			.isEqualTo("database");
	}

	@Test
	void readinessIsUp() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void startTimerIsPublished() {
		this.client.get()
			.uri("/actuator/metrics/bandmaster.service.start?tag=service:cache&tag=outcome:success")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.isEqualTo(List.of(1.0));
		this.client.get()
			.uri("/actuator/metrics/bandmaster.service.retries?tag=service:cache")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(2.0);
	}

	@Test
	void endpointDescribesEveryService() {
		this.client.get()
			.uri("/actuator/bandmaster")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.services[*].name")
			.isEqualTo(List.of("database", "cache", "feed"))
			.jsonPath("$.services[1].state")
			.isEqualTo("STARTED")
			.jsonPath("$.services[1].attempts")
			.isEqualTo(3)
			.jsonPath("$.services[1].dependsOn[0]")
			.isEqualTo("database")
			.jsonPath("$.services[1].startOffsetMillis")
			.isNumber()
			.jsonPath("$.services[1].startDurationMillis")
			.isNumber()
			.jsonPath("$.services[2].state")
			.isEqualTo("FAILED")
			.jsonPath("$.services[2].error.type")
			.isEqualTo("java.lang.IllegalStateException")
			.jsonPath("$.services[2].error.message")
			.isEqualTo("Partner https://bot:******@feed.example/api is down");
	}

	@Test
	void endpointDrawsTheGraphAsMermaidText() {
		String graph = diagram("graph");
		assertThat(graph).startsWith("graph TD\n").contains("s0 --> s1");
		this.client.get().uri("/actuator/bandmaster/pie").exchange().expectStatus().isNotFound();
	}

	@Test
	void endpointDrawsTheBootAsAMermaidGanttChart() {
		String timeline = diagram("timeline");
		assertThat(timeline).startsWith("gantt\n")
			.contains("dateFormat x")
			.containsPattern("\n +database : done, \\d+, \\d+\n")
			.containsPattern("\n +cache : done, \\d+, \\d+\n")
			.doesNotContainPattern("\n +feed : done");
	}

	/** Reads one of the endpoint's Mermaid diagrams, served as plain text. */
	private String diagram(String name) {
		return this.client.get()
			.uri("/actuator/bandmaster/" + name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void retriesFromYamlAreHonoured() {
		assertThat(this.journal.entries("attempt:cache")).hasSize(3);
		// The three attempts of 'cache', 50 ms then 100 ms apart; loose upper bounds for
		// a busy machine.
		List<Long> cache = this.journal.attemptTimes("cache");
		assertThat(Duration.ofNanos(cache.get(1) - cache.get(0)).toMillis()).isBetween(45L, 1050L);
		assertThat(Duration.ofNanos(cache.get(2) - cache.get(1)).toMillis()).isBetween(95L, 1100L);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		Journal journal() {
			return new Journal();
		}

		@Bean
		@BandService
		RecordingService database(Journal journal) {
			return new RecordingService("database", journal);
		}

		@Bean
		@BandService(dependsOn = "database")
		RecordingService cache(Journal journal) {
			return new RecordingService("cache", journal, 2, "not yet");
		}

		@Bean
		@BandService(required = false)
		RecordingService feed(Journal journal) {
			return RecordingService.failingForever("feed", journal,
					"Partner https://bot:hunter2@feed.example/api is down");
		}

	}

}
