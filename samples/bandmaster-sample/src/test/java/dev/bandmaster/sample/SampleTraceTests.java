package dev.bandmaster.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's real boot, traced through the OpenTelemetry bridge into an in-memory
 * exporter: the span tree a trace viewer would draw as the boot's Gantt chart.
 */
@SpringBootTest(properties = "server.port=0")
class SampleTraceTests {

	@Autowired
	private InMemorySpanExporter spans;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@Test
	void theBootIsATraceOfItsServicesWithThePartnerFeedsAttemptsInsideItsSpan() {
		assertThat(this.tracerProvider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
		List<SpanData> finished = this.spans.getFinishedSpanItems();
		SpanData boot = finished.stream()
			.filter((span) -> span.getName().equals("bandmaster boot")
					&& "5".equals(span.getAttributes().get(AttributeKey.stringKey("services"))))
			.findFirst()
			.orElseThrow();
		Map<String, SpanData> trace = finished.stream()
			.filter((span) -> span.getTraceId().equals(boot.getTraceId()))
			.collect(Collectors.toMap(SpanData::getName, Function.identity()));
		assertThat(trace).containsOnlyKeys("bandmaster boot", "start catalog", "start catalog #1", "start partner-feed",
				"start partner-feed #1", "start partner-feed #2", "start partner-feed #3", "start price-cache",
				"start price-cache #1", "start search-index", "start search-index #1");
		assertThat(childrenOf(boot, trace)).containsExactlyInAnyOrder("start catalog", "start partner-feed",
				"start price-cache", "start search-index");
		SpanData feed = trace.get("start partner-feed");
		assertThat(childrenOf(feed, trace)).containsExactlyInAnyOrder("start partner-feed #1", "start partner-feed #2",
				"start partner-feed #3");
		assertThat(trace.get("start partner-feed #1").getEvents()).extracting((event) -> event.getName())
			.contains("exception");
		assertThat(trace.get("start partner-feed #1").getEvents().toString()).doesNotContain("s3cret")
			.contains("******");
		assertThat(trace.get("start price-cache").getStartEpochNanos())
			.isGreaterThanOrEqualTo(trace.get("start catalog").getEndEpochNanos());
	}

	private static List<String> childrenOf(SpanData parent, Map<String, SpanData> trace) {
		return trace.values()
			.stream()
			.filter((span) -> span.getParentSpanId().equals(parent.getSpanId()))
			.map(SpanData::getName)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class InMemorySpans {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
