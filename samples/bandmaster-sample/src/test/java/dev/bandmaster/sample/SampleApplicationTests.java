package dev.bandmaster.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample as a newcomer runs it (embedded database, no server) on a random port,
 * and reads what it shows: health, the {@code bandmaster} endpoint, the boot report, and
 * the shop's page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@Autowired
	private RestTestClient client;

	@Test
	void everyServiceIsUpInTheHealth() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.components.datasource.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.components.catalog.details.dependsOn[0]")
			.isEqualTo("datasource")
			.jsonPath("$.components.bandmaster.components.search-index.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.components.price-cache.status")
			.isEqualTo("UP")
			.jsonPath("$.components.bandmaster.components.partner-feed.details.attempts")
			.isEqualTo(3)
			.jsonPath("$.components.bandmaster.components.partner-feed.details.error")
			.value(String.class, (error) -> assertThat(error).contains("https://partner:******@feeds.example.com")
				.doesNotContain("s3cret"));
	}

	@Test
	void theEndpointShowsTheInferredDependenciesAndTheGraph() {
		this.client.get()
			.uri("/actuator/bandmaster")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.services[?(@.name == 'search-index')].dependsOn[0]")
			.isEqualTo(List.of("catalog"))
			.jsonPath("$.services[?(@.name == 'price-cache')].state")
			.isEqualTo(List.of("STARTED"));
		this.client.get()
			.uri("/actuator/bandmaster/graph")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((graph) -> {
				assertThat(graph).startsWith("graph TD\n");
				assertThat(nodes(graph)).containsOnlyKeys("catalog", "partner-feed (optional)", "price-cache",
						"search-index", "datasource");
				assertThat(edges(graph)).containsExactlyInAnyOrder("datasource --> catalog", "catalog --> price-cache",
						"catalog --> search-index");
			});
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
		this.client.get()
			.uri("/products?q=coffee")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].name")
			.isEqualTo("Burr coffee grinder")
			.jsonPath("$[0].offerCents")
			.isEqualTo(7565);
	}

}
