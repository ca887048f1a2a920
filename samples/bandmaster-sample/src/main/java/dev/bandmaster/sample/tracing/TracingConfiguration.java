package dev.bandmaster.sample.tracing;

import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes every finished span to the log, so that the boot's trace
 * ({@code bandmaster boot}, a span per service start and one per attempt) is seen without
 * a tracing backend. An application would export to Zipkin or an OTLP collector instead
 * (Spring Boot's {@code spring-boot-zipkin} or
 * {@code spring-boot-starter-opentelemetry}).
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	@Bean
	SpanExporter logSpanExporter() {
		return LoggingSpanExporter.create();
	}

}
