package dev.bandmaster.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A real boot and shutdown, traced through Micrometer Tracing's {@link SimpleTracer}: the
 * span tree a trace viewer would draw as the boot's Gantt chart.
 */
class BandmasterTracingTests {

	private final SimpleTracer tracer = new SimpleTracer();

	private final Journal journal = new Journal();

	private final Maestro maestro = new Maestro();

	@BeforeEach
	void observeTheMaestro() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(this.tracer));
		this.maestro.addListener(new ObservingMaestroListener(registry, this.maestro));
		this.maestro.addService(ServiceDefinition.builder("database", new RecordingService("database", this.journal) {

			@Override
			public void start(Dependencies dependencies) throws Exception {
				Thread.sleep(30);
				super.start(dependencies);
			}

		}).build());
		this.maestro
			.addService(
					ServiceDefinition
						.builder("cache",
								new RecordingService("cache", this.journal, 1,
										"redis://app:hunter2@cache.example refused"))
						.dependsOn("database")
						.retries(1)
						.initialBackoff(Duration.ofMillis(20))
						.build());
		this.maestro.addService(ServiceDefinition
			.builder("feed", RecordingService.failingForever("feed", this.journal, "GET https://bot:hunter2@feed/x"))
			.required(false)
			.build());
		this.maestro.addService(ServiceDefinition.builder("report", new RecordingService("report", this.journal))
			.dependsOn("feed")
			.required(false)
			.build());
	}

	@Test
	void aBootIsOneTraceOfItsServicesAndTheirAttempts() {
		this.maestro.startAll(Duration.ofSeconds(10));
		Map<String, SimpleSpan> spans = spansByName();
		assertThat(spans).containsOnlyKeys("bandmaster boot", "start database", "start database #1", "start cache",
				"start cache #1", "start cache #2", "start feed", "start feed #1");
		SimpleSpan boot = spans.get("bandmaster boot");
		assertThat(boot.getParentId()).isNullOrEmpty();
		assertThat(boot.getTags()).contains(entry("outcome", "failure"), entry("services", "4"),
				entry("failures", "2"));
		assertThat(spans.values()).extracting(SimpleSpan::getTraceId).containsOnly(boot.getTraceId());
		assertThat(childrenOf(boot, spans)).containsExactlyInAnyOrder("start database", "start cache", "start feed");
		assertThat(childrenOf(spans.get("start cache"), spans)).containsExactlyInAnyOrder("start cache #1",
				"start cache #2");
		assertThat(childrenOf(spans.get("start database"), spans)).containsExactly("start database #1");
	}

	@Test
	void aServiceSpanBeginsOnceItsDependenciesAreUpAndHoldsItsAttempts() {
		this.maestro.startAll(Duration.ofSeconds(10));
		Map<String, SimpleSpan> spans = spansByName();
		SimpleSpan database = spans.get("start database");
		SimpleSpan cache = spans.get("start cache");
		SimpleSpan firstAttempt = spans.get("start cache #1");
		SimpleSpan secondAttempt = spans.get("start cache #2");
		assertThat(cache.getStartTimestamp()).isAfterOrEqualTo(database.getEndTimestamp());
		assertThat(firstAttempt.getStartTimestamp()).isAfterOrEqualTo(cache.getStartTimestamp());
		assertThat(secondAttempt.getStartTimestamp()).isAfterOrEqualTo(firstAttempt.getEndTimestamp());
		assertThat(cache.getEndTimestamp()).isAfterOrEqualTo(secondAttempt.getEndTimestamp());
		assertThat(cache.getTags())
			.contains(entry("service", "cache"), entry("outcome", "success"), entry("required", "true"),
					entry("attempts", "2"))
			.doesNotContainKey("error");
		assertThat(firstAttempt.getTags()).contains(entry("service", "cache"), entry("transition", "start"),
				entry("outcome", "failure"), entry("attempt", "1"));
		assertThat(firstAttempt.getError()).hasMessageContaining("redis://app:******@cache.example refused");
		assertThat(secondAttempt.getError()).isNull();
		assertThat(secondAttempt.getTags()).contains(entry("outcome", "success"), entry("attempt", "2"));
	}

	@Test
	void recordsErrorsWithTheirPasswordsMasked() {
		this.maestro.startAll(Duration.ofSeconds(10));
		Map<String, SimpleSpan> spans = spansByName();
		SimpleSpan feed = spans.get("start feed");
		// Micrometer Tracing makes the "error" key the span's error.
		assertThat(feed.getTags()).contains(entry("outcome", "failure"), entry("required", "false"))
			.doesNotContainKey("error");
		assertThat(feed.getError()).hasMessageContaining("IllegalStateException: GET https://bot:******@feed/x")
			.hasNoCause();
		assertThat(spans.get("start feed #1").getError()).hasMessageNotContaining("hunter2");
		assertThat(spans.get("start cache #1").getError()).hasMessageContaining("******");
		assertThat(spans.get("start cache").getError()).isNull();
	}

	@Test
	void aShutdownIsOneTraceOfItsServicesInReverseOrder() {
		this.maestro.startAll(Duration.ofSeconds(10));
		this.tracer.getSpans().clear();
		this.maestro.stopAll(Duration.ofSeconds(10));
		Map<String, SimpleSpan> spans = spansByName();
		assertThat(spans).containsOnlyKeys("bandmaster shutdown", "stop database", "stop database #1", "stop cache",
				"stop cache #1");
		SimpleSpan shutdown = spans.get("bandmaster shutdown");
		assertThat(shutdown.getTags()).contains(entry("outcome", "success"));
		assertThat(childrenOf(shutdown, spans)).containsExactlyInAnyOrder("stop database", "stop cache");
		assertThat(spans.get("stop database").getStartTimestamp())
			.isAfterOrEqualTo(spans.get("stop cache").getEndTimestamp());
	}

	private Map<String, SimpleSpan> spansByName() {
		List<SimpleSpan> spans = List.copyOf(this.tracer.getSpans());
		assertThat(spans).allSatisfy((span) -> assertThat(span.getEndTimestamp()).isNotNull());
		return spans.stream().collect(Collectors.toMap(SimpleSpan::getName, Function.identity()));
	}

	private static List<String> childrenOf(SimpleSpan parent, Map<String, SimpleSpan> spans) {
		return spans.values()
			.stream()
			.filter((span) -> parent.getSpanId().equals(span.getParentId()))
			.map(SimpleSpan::getName)
			.toList();
	}

}
