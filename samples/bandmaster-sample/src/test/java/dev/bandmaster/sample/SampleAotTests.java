package dev.bandmaster.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.bandmaster.spring.BandmasterEvent;
import dev.bandmaster.spring.BootCompletedEvent;
import dev.bandmaster.spring.ServiceRetryEvent;
import dev.bandmaster.spring.ServiceStartedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample as Spring AOT generated it at build time
 * ({@code spring-boot:process-aot} at {@code prepare-package}), on the JVM with
 * {@code spring.aot.enabled=true}: run by failsafe after {@code package}. No
 * configuration class is parsed and no post-processor registers a bean definition:
 * everything BandMaster worked out before any bean was created (the gate, the beans it
 * holds, the declared graph) must be in the generated context.
 */
class SampleAotTests {

	private static final Duration HANG = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(HANG).build();

	@Test
	void theAotProcessedSampleBootsEveryServiceBehindItsGate() throws Exception {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
		List<BandmasterEvent> events = new CopyOnWriteArrayList<>();
		SpringApplication application = SampleApplication.application();
		application.addListeners((ApplicationListener<ApplicationEvent>) (event) -> {
			if (event instanceof BandmasterEvent bandmasterEvent) {
				events.add(bandmasterEvent);
			}
		});
		try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
			// The gate's registration is a generated definition; its registrar is left
			// out.
			assertThat(context.getBeanFactory().containsBeanDefinition("bandmasterGate.datasource")).isTrue();
			assertThat(context.getBeanFactory().containsBeanDefinition("bandmasterDataSourceGates")).isFalse();
			// The graph's post-processor's work, done at build time, is in the generated
			// definitions: the migration and JPA wait for the datasource gate.
			assertThat(context.getBeanFactory().getBeanDefinition("flyway").getDependsOn())
				.contains("bandmasterHold.datasource");
			assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
				.contains("bandmasterHold.datasource");

			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			String health = get(base + "/actuator/health");
			assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("UP");
			for (String service : List.of("datasource", "catalog", "search-index", "price-cache", "partner-feed")) {
				assertThat((String) JsonPath.read(health, "$.components.bandmaster.components." + service + ".status"))
					.as(service)
					.isEqualTo("UP");
			}
			String endpoint = get(base + "/actuator/bandmaster");
			assertThat((List<String>) JsonPath.read(endpoint, "$.services[*].state")).hasSize(5)
				.containsOnly("STARTED");
			assertThat((List<String>) JsonPath.read(endpoint, "$.services[?(@.name == 'search-index')].dependsOn[0]"))
				.containsExactly("catalog");
			assertThat(get(base + "/actuator/bandmaster/graph")).startsWith("graph TD\n")
				.contains("\"datasource\"", "\"partner-feed (optional)\"");
			assertThat((String) JsonPath.read(get(base + "/products?q=coffee"), "$[0].name"))
				.isEqualTo("Burr coffee grinder");

			assertThat(events).filteredOn(ServiceStartedEvent.class::isInstance)
				.extracting(BandmasterEvent::getServiceName)
				.containsExactlyInAnyOrder("datasource", "catalog", "search-index", "price-cache", "partner-feed");
			assertThat(events).filteredOn(ServiceRetryEvent.class::isInstance)
				.extracting(BandmasterEvent::getServiceName)
				.containsExactly("partner-feed", "partner-feed");
			assertThat(events).filteredOn(BootCompletedEvent.class::isInstance).hasSize(1);
		}
	}

	private String get(String uri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(HANG).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri).isEqualTo(200);
		return response.body();
	}

}
