package dev.bandmaster.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A Redis server of a test's own: {@code redis-server} run as a process on a free
 * loopback port, without persistence, started and stopped by the test (stopped by
 * destroying the process, as a crash would), so that a test can take Redis away and bring
 * it back on the same port without touching any other server. In CI ({@code CI} set to
 * anything but {@code false} or {@code 0}) a missing {@code redis-server} fails the test;
 * elsewhere the test is aborted with the reason.
 */
final class RedisServer implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/redis-server");

	private static final Duration LOOSE = Duration.ofSeconds(30);

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	/**
	 * Picks a free port for a server, not started.
	 * @return the server
	 * @throws IOException if no port can be found
	 */
	static RedisServer create() throws IOException {
		if (!Files.isExecutable(BINARY)) {
			String reason = BINARY + " is not installed (install Debian's redis-server package, as .ci/run does)";
			String ci = System.getenv("CI");
			if (ci != null && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
				Assertions.fail(reason);
			}
			Assumptions.abort(reason);
		}
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return new RedisServer(socket.getLocalPort());
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * Starts the server and waits until it accepts connections.
	 * @throws Exception if it does not within a loose bound
	 */
	synchronized void start() throws Exception {
		this.process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(this.port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + LOOSE.toNanos();
		while (!accepts()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not start on port " + this.port);
			}
			Thread.sleep(50);
		}
	}

	/**
	 * Stops the server at once, dropping its connections, and waits until it is gone.
	 * @throws Exception if it does not end within a loose bound
	 */
	synchronized void stop() throws Exception {
		if (this.process != null) {
			this.process.destroyForcibly();
			if (!this.process.waitFor(LOOSE.toSeconds(), TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server on port " + this.port + " did not stop");
			}
			this.process = null;
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws Exception {
		stop();
	}

}
