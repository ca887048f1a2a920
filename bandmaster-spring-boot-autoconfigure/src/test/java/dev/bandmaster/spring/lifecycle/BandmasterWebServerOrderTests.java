package dev.bandmaster.spring.lifecycle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The band services are up before the web server accepts a connection, and still up until
 * it no longer does: a real servlet application on a port of its own, whose band service
 * tries that port as it starts and as it stops.
 */
class BandmasterWebServerOrderTests {

	@Test
	void bandServicesStartBeforeTheWebServerAcceptsAndStopAfterItStopped() throws IOException {
		int port = freePort();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=" + port, "server.address=127.0.0.1", "management.health.redis.enabled=false")
			.run();
		PortProbe probe = context.getBean(PortProbe.class);
		try {
			assertThat(accepts(port)).as("the web server accepts once the application has started").isTrue();
		}
		finally {
			context.close();
		}
		assertThat(probe.seen).containsExactly("start: refused", "stop: refused");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class WebApplication {

		@Bean
		@BandService
		PortProbe probe(org.springframework.core.env.Environment environment) {
			return new PortProbe(environment.getRequiredProperty("server.port", Integer.class));
		}

	}

	/** Tries the web server's port in its start and its stop. */
	static class PortProbe implements Service {

		private final int port;

		final List<String> seen = new CopyOnWriteArrayList<>();

		PortProbe(int port) {
			this.port = port;
		}

		@Override
		public void start(Dependencies dependencies) {
			this.seen.add("start: " + (accepts(this.port) ? "accepted" : "refused"));
		}

		@Override
		public void stop() {
			this.seen.add("stop: " + (accepts(this.port) ? "accepted" : "refused"));
		}

	}

}
