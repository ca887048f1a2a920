package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.bandmaster.BandmasterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class HttpGateTests {

	private final HttpClient client = HttpClient.newHttpClient();

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer server;

	private volatile int unavailableFor;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(LocalServers.HOST, 0), 0);
		this.server.createContext("/health", (exchange) -> {
			int status = (this.requests.incrementAndGet() <= this.unavailableFor) ? 503 : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void opensWhenTheEndpointAnswersTheExpectedStatus() {
		assertThat(GateRuns.start(gate(Set.of(200)), 0, Duration.ZERO)).isEmpty();
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void checksThatTheEndpointStillAnswersTheExpectedStatus() throws Exception {
		HttpGate gate = gate(Set.of(200));
		gate.check();
		assertThat(this.requests).hasValue(1);
		this.unavailableFor = Integer.MAX_VALUE;
		assertThatIOException().isThrownBy(gate::check).withMessageEndingWith("answered 503, expected 200");
		this.server.stop(0);
		assertThatIOException().isThrownBy(gate::check);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void retriesWhileTheEndpointIsUnavailable() {
		this.unavailableFor = 2;
		assertThat(GateRuns.start(gate(Set.of(200)), 3, Duration.ofMillis(20))).isEmpty();
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void reportsTheStatusItGotAndTheOneItExpected() {
		this.unavailableFor = Integer.MAX_VALUE;
		List<BandmasterException> errors = GateRuns.start(gate(Set.of(204)), 1, Duration.ofMillis(20));
		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getCause()).hasMessageEndingWith("answered 503, expected 204"));
	}

	@Test
	void honoursTheAttemptTimeoutWhenTheServerNeverAnswers() throws Exception {
		try (SilentServer silent = SilentServer.accepting()) {
			URI uri = URI.create("http://" + LocalServers.HOST + ":" + silent.port() + "/health");
			GateRuns
				.assertEachAttemptEndsAtItsTimeout(new HttpGate(this.client, uri, Set.of(200), Duration.ofSeconds(60)));
		}
	}

	@Test
	void aGateWithItsOwnClientChecksTheEndpoint() throws Exception {
		try (HttpGate gate = HttpGate.withOwnClient(uri(), Set.of(200), Duration.ofSeconds(2))) {
			assertThat(GateRuns.start(gate, 0, Duration.ZERO)).isEmpty();
		}
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void closesTheClientItOwns() throws Exception {
		ClosableHttpClient client = new ClosableHttpClient();
		new HttpGate(client, true, uri(), Set.of(200), Duration.ofSeconds(2)).close();
		assertThat(client.isClosed()).isTrue();
	}

	@Test
	void leavesAClientItWasGivenOpen() throws Exception {
		ClosableHttpClient client = new ClosableHttpClient();
		new HttpGate(client, uri(), Set.of(200), Duration.ofSeconds(2)).close();
		assertThat(client.isClosed()).isFalse();
	}

	private HttpGate gate(Set<Integer> expected) {
		return new HttpGate(this.client, uri(), expected, Duration.ofSeconds(2));
	}

	private URI uri() {
		return URI.create("http://" + LocalServers.HOST + ":" + this.server.getAddress().getPort() + "/health");
	}

}
