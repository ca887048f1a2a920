package dev.bandmaster.spring.endpoint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;
import dev.bandmaster.spring.diagnostics.ServiceError;
import dev.bandmaster.spring.endpoint.BandmasterEndpoint.ServiceDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterEndpoint} and its Mermaid diagrams.
 */
class BandmasterEndpointTests {

	private final Journal journal = new Journal();

	private final Maestro maestro = new Maestro();

	private final BandmasterEndpoint endpoint = new BandmasterEndpoint(this.maestro);

	@BeforeEach
	void bootServices() {
		this.maestro
			.addService(ServiceDefinition.builder("database", new RecordingService("database", this.journal)).build());
		// The slowest start, so that the critical path is database -> cache.
		this.maestro.addService(ServiceDefinition.builder("cache", new RecordingService("cache", this.journal) {

			@Override
			public void start(Dependencies dependencies) throws Exception {
				Thread.sleep(50);
				super.start(dependencies);
			}

		}).dependsOn("database").build());
		this.maestro.addService(
				ServiceDefinition
					.builder("partner-feed",
							RecordingService.failingForever("partner-feed", this.journal,
									"GET https://bot:hunter2@feed/x"))
					.required(false)
					.build());
		this.maestro.addService(ServiceDefinition.builder("report", new RecordingService("report", this.journal))
			.dependsOn("partner-feed")
			.required(false)
			.build());
		this.maestro.startAll();
	}

	@Test
	void describesEveryService() {
		assertThat(this.endpoint.services().services()).extracting(ServiceDescriptor::name)
			.containsExactly("database", "cache", "partner-feed", "report");
		ServiceDescriptor cache = this.endpoint.services().services().get(1);
		assertThat(cache.state()).isEqualTo(ServiceState.STARTED);
		assertThat(cache.required()).isTrue();
		assertThat(cache.dependsOn()).containsExactly("database");
		assertThat(cache.attempts()).isEqualTo(1);
		assertThat(cache.startOffsetMillis()).isNotNull().isNotNegative();
		assertThat(cache.startDurationMillis()).isNotNull().isNotNegative();
		assertThat(cache.error()).isNull();
		ServiceDescriptor feed = this.endpoint.services().services().get(2);
		assertThat(feed.state()).isEqualTo(ServiceState.FAILED);
		assertThat(feed.error())
			.isEqualTo(new ServiceError("java.lang.IllegalStateException", "GET https://bot:******@feed/x"));
		ServiceDescriptor report = this.endpoint.services().services().get(3);
		assertThat(report.attempts()).isZero();
		assertThat(report.startOffsetMillis()).isNull();
	}

	@Test
	void drawsTheDependencyGraph() {
		assertThat(this.endpoint.diagram("graph")).isEqualTo("""
				graph TD
				    s0["database"]:::up
				    s1["cache"]:::up
				    s2["partner-feed (optional)"]:::down
				    s3["report (optional)"]:::pending
				    s0 --> s1
				    s2 --> s3
				    classDef up fill:#d4edda,stroke:#28a745
				    classDef down fill:#f8d7da,stroke:#dc3545
				    classDef pending fill:#fff3cd,stroke:#ffc107
				""");
	}

	@Test
	void drawsTheBootTimeline() {
		String timeline = this.endpoint.diagram("timeline");
		assertThat(timeline).startsWith("""
				gantt
				    title BandMaster boot
				    dateFormat x
				    axisFormat %S.%L s
				    section Critical path
				""");
		assertThat(timeline).containsPattern(
				"section Critical path\n    database : done, 0, \\d+\n    cache : done, \\d+, \\d+\n    section Other services\n"
						+ "    partner-feed : crit, \\d+, \\d+\n")
			.doesNotContain("report");
	}

	@Test
	void answersNothingForAnotherDiagram() {
		assertThat(this.endpoint.diagram("pie")).isNull();
	}

}
