package dev.bandmaster.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample as a newcomer runs it (embedded database, no server) on a random port,
 * and reads what it shows: health, the {@code bandmaster} endpoint, the boot report, and
 * the shop's page. Through Spring's {@link RestClient}, the same on every Spring Boot
 * line (where Boot 4's {@code RestTestClient} and Boot 3's {@code TestRestTemplate}
 * differ), so that the Boot 3.5 sample runs these tests too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@Autowired
	private Environment environment;

	@Test
	void everyServiceIsUpInTheHealth() {
		DocumentContext health = json("/actuator/health");
		assertThat(health.read("$.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.bandmaster.components.datasource.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.bandmaster.components.catalog.details.dependsOn[0]", String.class))
			.isEqualTo("datasource");
		assertThat(health.read("$.components.bandmaster.components.search-index.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.bandmaster.components.price-cache.status", String.class)).isEqualTo("UP");
		assertThat(health.read("$.components.bandmaster.components.partner-feed.details.attempts", Integer.class))
			.isEqualTo(3);
		assertThat(health.read("$.components.bandmaster.components.partner-feed.details.error", String.class))
			.contains("https://partner:******@feeds.example.com")
			.doesNotContain("s3cret");
	}

	@Test
	void theEndpointShowsTheInferredDependenciesAndTheGraph() {
		DocumentContext bandmaster = json("/actuator/bandmaster");
		assertThat(bandmaster.read("$.services[?(@.name == 'search-index')].dependsOn[0]", List.class))
			.isEqualTo(List.of("catalog"));
		assertThat(bandmaster.read("$.services[?(@.name == 'price-cache')].state", List.class))
			.isEqualTo(List.of("STARTED"));
		String graph = get("/actuator/bandmaster/graph");
		assertThat(graph).startsWith("graph TD\n");
		assertThat(nodes(graph)).containsOnlyKeys("catalog", "partner-feed (optional)", "price-cache", "search-index",
				"datasource");
		assertThat(edges(graph)).containsExactlyInAnyOrder("datasource --> catalog", "catalog --> price-cache",
				"catalog --> search-index");
	}

	/** The graph's nodes, by label, with their ids: {@code s0["catalog"]:::up}. */
	private static Map<String, String> nodes(String graph) {
		Map<String, String> nodes = new HashMap<>();
		Matcher node = Pattern.compile("(?m)^\\s+(s\\d+)\\[\"([^\"]+)\"\\]").matcher(graph);
		while (node.find()) {
			nodes.put(node.group(2), node.group(1));
		}
		return nodes;
	}

	/** The graph's edges, {@code s4 --> s0}, with labels for ids. */
	private static List<String> edges(String graph) {
		Map<String, String> labels = new HashMap<>();
		nodes(graph).forEach((label, id) -> labels.put(id, label));
		List<String> edges = new ArrayList<>();
		Matcher edge = Pattern.compile("(?m)^\\s+(s\\d+) --> (s\\d+)$").matcher(graph);
		while (edge.find()) {
			edges.add(labels.get(edge.group(1)) + " --> " + labels.get(edge.group(2)));
		}
		return edges;
	}

	@Test
	void theBootReportHasALinePerService(CapturedOutput output) {
		// The services on the critical path, named on the line after the headline, are
		// marked with a star.
		assertThat(output).contains("BandMaster boot report: 5 services in")
			.containsPattern("\nCritical path \\(\\*\\): [a-z-]+( -> [a-z-]+)*, done at \\d+ ms\n")
			.containsPattern("datasource(?: \\*)? +- +1 +\\d+ ms +\\d+ ms +started")
			.containsPattern("catalog(?: \\*)? +datasource +1 +\\d+ ms +\\d+ ms +started")
			.containsPattern("partner-feed(?: \\*)? +- +3 +\\d+ ms +\\d+ ms +started \\(optional\\)");
	}

	@Test
	void theShopServesItsProducts() {
		DocumentContext products = json("/products?q=coffee");
		assertThat(products.read("$[0].name", String.class)).isEqualTo("Burr coffee grinder");
		assertThat(products.read("$[0].offerCents", Integer.class)).isEqualTo(7565);
	}

	/** GETs a path of the sample, which must answer 2xx: its body. */
	private String get(String path) {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		return RestClient.create("http://127.0.0.1:" + port).get().uri(path).retrieve().body(String.class);
	}

	private DocumentContext json(String path) {
		return JsonPath.parse(get(path));
	}

}
