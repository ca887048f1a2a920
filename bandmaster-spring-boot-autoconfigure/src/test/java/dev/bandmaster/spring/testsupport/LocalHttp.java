package dev.bandmaster.spring.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

import org.springframework.core.env.Environment;

/**
 * GET requests to the web server of a {@code @SpringBootTest} with a random port, through
 * the JDK's {@link HttpClient}: the same on every Spring Boot line, where Boot 4's
 * {@code RestTestClient} and Boot 3's {@code TestRestTemplate} differ. Thread-safe.
 */
public final class LocalHttp {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final Environment environment;

	/**
	 * Creates a client of the application's server.
	 * @param environment the application's environment, whose {@code local.server.port}
	 * the server sets once it listens
	 */
	public LocalHttp(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Sends a GET request and reads the whole response.
	 * @param path the path and query, e.g. {@code /actuator/health}
	 * @return the response
	 */
	public Response get(String path) {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("GET " + path + " was interrupted", ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the HTTP status code
	 * @param contentType the {@code Content-Type} header, empty if there is none
	 * @param body the body
	 */
	public record Response(int status, String contentType, String body) {

		/**
		 * Reads a value of the JSON body.
		 * @param <T> the value's type
		 * @param path a JSONPath expression, e.g. {@code $.status}
		 * @return the value: a {@code String}, {@code Number}, {@code Boolean}, or a
		 * {@code List} for a path that selects several
		 */
		public <T> T json(String path) {
			return JsonPath.read(this.body, path);
		}

	}

}
