package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real servers the gate tests run against: PostgreSQL and Redis on loopback, as
 * {@code .ci/run} starts them (ports from {@code BANDMASTER_PG_PORT} and
 * {@code BANDMASTER_REDIS_PORT}), and the {@code redis-server} binary for a test that
 * starts a Redis of its own. In CI (the {@code CI} variable set, to anything but
 * {@code false} or {@code 0}: {@code true} and {@code 1} are both common) a missing
 * server fails the test; on a developer's machine without the server, the test is aborted
 * with the reason.
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

	/**
	 * Returns the command that runs a Redis server of the test's own, once it has checked
	 * that the command runs.
	 */
	public static String redisServerBinary() {
		String command = "redis-server";
		try {
			Process version = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
			version.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
			if (version.waitFor() == 0) {
				return command;
			}
		}
		catch (IOException ex) {
			// Not installed: reported below.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		missing("The " + command + " binary does not run (install Debian's redis-server, as .ci/run does)");
		return command;
	}

	/**
	 * Tells whether the {@code CI} environment variable's value means a CI run: set, and
	 * neither {@code false} nor {@code 0}.
	 */
	static boolean isCi(String ci) {
		if (ci == null || ci.isBlank()) {
			return false;
		}
		String value = ci.trim();
		return !value.equalsIgnoreCase("false") && !value.equals("0");
	}

	/**
	 * Returns a data source of the {@code bandmaster} database on a loopback port, as
	 * {@code .ci/run} creates it.
	 */
	public static PGSimpleDataSource postgresDataSource(int port) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setServerNames(new String[] { HOST });
		dataSource.setPortNumbers(new int[] { port });
		dataSource.setDatabaseName("bandmaster");
		dataSource.setUser("bandmaster");
		dataSource.setPassword("bandmaster");
		return dataSource;
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
		missing(server + " is not running on " + HOST + ":" + port + " (set " + variable
				+ " or run the servers as .ci/run does)");
		return port;
	}

	private static void missing(String reason) {
		if (isCi(System.getenv("CI"))) {
			Assertions.fail(reason);
		}
		Assumptions.abort(reason);
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
