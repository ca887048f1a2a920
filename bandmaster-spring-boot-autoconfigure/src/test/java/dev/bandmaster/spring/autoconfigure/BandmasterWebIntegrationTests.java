package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.LocalHttp;
import dev.bandmaster.spring.testsupport.LocalHttp.Response;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of a web application with the actuator, through its real HTTP endpoints. The band
 * services are tuned in {@code application-web.yml}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("web")
class BandmasterWebIntegrationTests {

	@Autowired
	private Environment environment;

	@Autowired
	private Journal journal;

	@Test
	void healthIsUpDespiteTheFailedOptionalService() {
		Response health = ok("/actuator/health");
		assertThat(health.<String>json("$.status")).isEqualTo("UP");
		assertThat(health.<String>json("$.components.bandmaster.status")).isEqualTo("UP");
		assertThat(health.<String>json("$.components.bandmaster.components.database.status")).isEqualTo("UP");
		assertThat(health.<String>json("$.components.bandmaster.components.feed.status")).isEqualTo("UNKNOWN");
		assertThat(health.<String>json("$.components.bandmaster.components.feed.details.error"))
			.isEqualTo("java.lang.IllegalStateException: Partner https://bot:******@feed.example/api is down");
	}

	@Test
	void healthOfOneServiceHasItsDetails() {
		Response cache = ok("/actuator/health/bandmaster/cache");
		assertThat(cache.<String>json("$.status")).isEqualTo("UP");
		assertThat(cache.<String>json("$.details.state")).isEqualTo("STARTED");
		assertThat(cache.<Boolean>json("$.details.required")).isTrue();
		assertThat(cache.<Integer>json("$.details.attempts")).isEqualTo(3);
		assertThat(cache.<String>json("$.details.dependsOn[0]")).isEqualTo("database");
	}

	@Test
	void readinessIsUp() {
		assertThat(ok("/actuator/health/readiness").<String>json("$.status")).isEqualTo("UP");
	}

	@Test
	void startTimerIsPublished() {
		assertThat(ok("/actuator/metrics/bandmaster.service.start?tag=service:cache&tag=outcome:success")
			.<List<Object>>json("$.measurements[?(@.statistic == 'COUNT')].value")).isEqualTo(List.of(1.0));
		assertThat(ok("/actuator/metrics/bandmaster.service.retries?tag=service:cache")
			.<Double>json("$.measurements[0].value")).isEqualTo(2.0);
	}

	@Test
	void endpointDescribesEveryService() {
		Response bandmaster = ok("/actuator/bandmaster");
		assertThat(bandmaster.<List<Object>>json("$.services[*].name")).isEqualTo(List.of("database", "cache", "feed"));
		assertThat(bandmaster.<String>json("$.services[1].state")).isEqualTo("STARTED");
		assertThat(bandmaster.<Integer>json("$.services[1].attempts")).isEqualTo(3);
		assertThat(bandmaster.<String>json("$.services[1].dependsOn[0]")).isEqualTo("database");
		assertThat(bandmaster.<Object>json("$.services[1].startOffsetMillis")).isInstanceOf(Number.class);
		assertThat(bandmaster.<Object>json("$.services[1].startDurationMillis")).isInstanceOf(Number.class);
		assertThat(bandmaster.<String>json("$.services[2].state")).isEqualTo("FAILED");
		assertThat(bandmaster.<String>json("$.services[2].error.type")).isEqualTo("java.lang.IllegalStateException");
		assertThat(bandmaster.<String>json("$.services[2].error.message"))
			.isEqualTo("Partner https://bot:******@feed.example/api is down");
	}

	@Test
	void endpointDrawsTheGraphAsMermaidText() {
		String graph = diagram("graph");
		assertThat(graph).startsWith("graph TD\n").contains("s0 --> s1");
		assertThat(new LocalHttp(this.environment).get("/actuator/bandmaster/pie").status()).isEqualTo(404);
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
		Response diagram = ok("/actuator/bandmaster/" + name);
		assertThat(MediaType.parseMediaType(diagram.contentType()).isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
		return diagram.body();
	}

	private Response ok(String path) {
		Response response = new LocalHttp(this.environment).get(path);
		assertThat(response.status()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return response;
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
