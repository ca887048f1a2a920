package dev.bandmaster.spring.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded Kafka broker of the Spring Boot line's Kafka, Kafka 4 (Spring Boot 4), as
 * the shared tests use it.
 */
public final class LineEmbeddedKafka {

	private LineEmbeddedKafka() {
	}

	/**
	 * Makes a broker that is stopped and started again listen on the port it listened on
	 * before, so that clients given its first address reach it again: nothing to do on
	 * Kafka 4, whose test kit binds each broker's port once and reuses it.
	 * @param broker the broker, not started yet
	 */
	public static void keepPortAcrossRestarts(EmbeddedKafkaKraftBroker broker) {
	}

}
