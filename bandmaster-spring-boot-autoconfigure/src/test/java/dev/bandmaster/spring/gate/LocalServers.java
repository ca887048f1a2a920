package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real servers the gate tests run against: PostgreSQL and Redis on loopback, as
 * {@code .ci/run} starts them (ports from {@code BANDMASTER_PG_PORT} and
 * {@code BANDMASTER_REDIS_PORT}). In CI ({@code CI=true}) a missing server fails the
 * test; on a developer's machine without the server, the test is aborted with the reason.
 */
public final class LocalServers {

	public static final String HOST = "127.0.0.1";

	private LocalServers() {
	}

	public static int postgresPort() {
		return require("PostgreSQL", "BANDMASTER_PG_PORT", 55432);
	}

	public static int redisPort() {
		return require("Redis", "BANDMASTER_REDIS_PORT", 56379);
	}

	public static String postgresUrl() {
		return "jdbc:postgresql://" + HOST + ":" + postgresPort() + "/bandmaster";
	}

	/** A loopback port nothing listens on (bound then released). */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not find a free port", ex);
		}
	}

	private static int require(String server, String variable, int defaultPort) {
		String configured = System.getenv(variable);
		int port = (configured != null && !configured.isBlank()) ? Integer.parseInt(configured.trim()) : defaultPort;
		if (listening(port)) {
			return port;
		}
		String reason = server + " is not running on " + HOST + ":" + port + " (set " + variable
				+ " or run the servers as .ci/run does)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(reason);
		}
		Assumptions.abort(reason);
		return port;
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
