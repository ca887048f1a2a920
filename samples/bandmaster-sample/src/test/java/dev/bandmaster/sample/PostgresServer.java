package dev.bandmaster.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own: a cluster made with {@code initdb} in a temporary
 * folder, on a free loopback port, started and stopped with {@code pg_ctl} by the test,
 * so that a test can take the database away and bring it back without touching any other
 * server. PostgreSQL refuses to run as root: as root, its commands run as the
 * {@code postgres} user, which owns the cluster. Its one role, {@code postgres}, is
 * trusted on loopback (no password). In CI ({@code CI=true}) missing PostgreSQL binaries
 * fail the test; elsewhere the test is aborted with the reason.
 */
final class PostgresServer implements AutoCloseable {

	private final Path binaries;

	private final Path data;

	private final int port;

	private boolean running;

	private PostgresServer(Path binaries, Path data, int port) {
		this.binaries = binaries;
		this.data = data;
		this.port = port;
	}

	/**
	 * Makes a cluster, not started.
	 * @return the server
	 * @throws Exception if {@code initdb} fails
	 */
	static PostgresServer create() throws Exception {
		Path binaries = findBinaries();
		Path data = Files.createTempDirectory("bandmaster-pg-");
		if (isRoot()) {
			UserPrincipal postgres = data.getFileSystem()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName("postgres");
			Files.setOwner(data, postgres);
		}
		PostgresServer server = new PostgresServer(binaries, data, freePort());
		server.run("initdb", "-D", data.toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
		return server;
	}

	int port() {
		return this.port;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	/**
	 * Starts the server and waits until it accepts connections.
	 * @throws Exception if {@code pg_ctl} fails
	 */
	synchronized void start() throws Exception {
		run("pg_ctl", "-D", this.data.toString(), "-w", "-l", this.data.resolve("server.log").toString(), "-o",
				"-c listen_addresses=127.0.0.1 -p " + this.port + " -k " + this.data + " -c fsync=off", "start");
		this.running = true;
	}

	/**
	 * Stops the server at once, closing its connections, and waits until it is down.
	 * @throws Exception if {@code pg_ctl} fails
	 */
	synchronized void stop() throws Exception {
		if (this.running) {
			run("pg_ctl", "-D", this.data.toString(), "-w", "-m", "immediate", "stop");
			this.running = false;
		}
	}

	/**
	 * Runs SQL as the {@code postgres} role on a started server.
	 * @param database the database to connect to
	 * @param sql the statements
	 * @throws Exception if {@code psql} fails
	 */
	void sql(String database, String sql) throws Exception {
		run("psql", "-h", "127.0.0.1", "-p", Integer.toString(this.port), "-U", "postgres", "-d", database, "-v",
				"ON_ERROR_STOP=1", "-q", "-c", sql);
	}

	@Override
	public void close() throws Exception {
		try {
			stop();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.data)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private void run(String command, String... arguments) throws Exception {
		List<String> line = new ArrayList<>();
		if (isRoot()) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.add(this.binaries.resolve(command).toString());
		line.addAll(List.of(arguments));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(command + " failed: " + output);
		}
	}

	private static Path findBinaries() throws IOException {
		Path root = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(root)) {
			try (Stream<Path> versions = Files.list(root)) {
				Path newest = versions.map((version) -> version.resolve("bin"))
					.filter((bin) -> Files.isExecutable(bin.resolve("pg_ctl")))
					.max(Comparator.comparing((bin) -> Integer.parseInt(bin.getParent().getFileName().toString())))
					.orElse(null);
				if (newest != null) {
					return newest;
				}
			}
		}
		String reason = "PostgreSQL's server binaries are not installed under /usr/lib/postgresql "
				+ "(install Debian's postgresql package, as .ci/run does)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(reason);
		}
		Assumptions.abort(reason);
		throw new IllegalStateException(reason);
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
