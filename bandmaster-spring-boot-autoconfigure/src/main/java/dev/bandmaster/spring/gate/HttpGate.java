package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A gate that sends {@code GET} to an HTTP endpoint, typically a partner API's health
 * URL, and expects one of a set of status codes. Uses the JDK's {@link HttpClient}, whose
 * {@code send} honours interruption.
 * <p>
 * A gate made {@link #withOwnClient with a client of its own} closes it when it is
 * {@link #close() closed}, as the application context does with the gate beans it
 * destroys; a client given to the constructor belongs to the caller.
 */
public class HttpGate extends Gate implements AutoCloseable {

	private final HttpClient client;

	private final boolean ownsClient;

	private final URI uri;

	private final Set<Integer> expectedStatuses;

	private final Duration timeout;

	/**
	 * Creates a gate.
	 * @param client the client to send with
	 * @param uri the endpoint
	 * @param expectedStatuses the status codes that mean "up"
	 * @param timeout how long one request may take
	 */
	public HttpGate(HttpClient client, URI uri, Set<Integer> expectedStatuses, Duration timeout) {
		this(client, false, uri, expectedStatuses, timeout);
	}

	HttpGate(HttpClient client, boolean ownsClient, URI uri, Set<Integer> expectedStatuses, Duration timeout) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.ownsClient = ownsClient;
		this.uri = Objects.requireNonNull(uri, "uri must not be null");
		this.expectedStatuses = Set.copyOf(expectedStatuses);
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		if (this.expectedStatuses.isEmpty()) {
			throw new IllegalArgumentException("An HTTP gate for " + uri + " needs at least one expected status");
		}
	}

	/**
	 * Creates a gate with an HTTP client of its own, which {@link #close()} closes: it
	 * connects within {@code timeout} and follows redirects.
	 * @param uri the endpoint
	 * @param expectedStatuses the status codes that mean "up"
	 * @param timeout how long one connection, and one request, may take
	 * @return the gate
	 */
	public static HttpGate withOwnClient(URI uri, Set<Integer> expectedStatuses, Duration timeout) {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		return new HttpGate(client, true, uri, expectedStatuses, timeout);
	}

	/**
	 * Closes the client when the gate made it and the JDK's client can be closed (Java 21
	 * and later; before, its threads end once it is collected). A client given to the
	 * constructor is left open.
	 * @throws Exception if closing the client fails
	 */
	@Override
	public void close() throws Exception {
		if (this.ownsClient && this.client instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	@Override
	public void check() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.uri).timeout(this.timeout).GET().build();
		HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
		if (!this.expectedStatuses.contains(response.statusCode())) {
			throw new IOException("GET " + this.uri + " answered " + response.statusCode() + ", expected "
					+ ((this.expectedStatuses.size() == 1) ? this.expectedStatuses.iterator().next()
							: "one of " + this.expectedStatuses.stream().sorted().toList()));
		}
	}

	@Override
	public String toString() {
		return "HttpGate[" + this.uri + "]";
	}

}
