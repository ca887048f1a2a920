package dev.bandmaster.spring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded Kafka broker of the Spring Boot line's Kafka, Kafka 3.9 (Spring Boot 3.5),
 * as the shared tests use it.
 */
public final class LineEmbeddedKafka {

	private LineEmbeddedKafka() {
	}

	/**
	 * Makes a broker that is stopped and started again listen on the port it listened on
	 * before, so that clients given its first address reach it again: Kafka 3.9's test
	 * kit binds a restarted broker to a new ephemeral port unless its listener names one.
	 * @param broker the broker, not started yet
	 */
	public static void keepPortAcrossRestarts(EmbeddedKafkaKraftBroker broker) {
		broker.brokerProperty("listeners", "EXTERNAL://localhost:" + freePort() + ",CONTROLLER://localhost:0");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port", ex);
		}
	}

}
