package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that never answers, for the gate tests that need a client call
 * blocked in the network, where interrupting its thread does not end it (a blocking
 * socket read or connect on a platform thread ignores interruption).
 * <ul>
 * <li>{@link #accepting()}: accepts every connection, reads and discards what the client
 * sends (a request, a Redis {@code PING}, a PostgreSQL startup message) and never writes
 * a byte back;</li>
 * <li>{@link #neverAccepting()}: never accepts, and its backlog is filled before it is
 * handed out, so that the kernel drops every further connection request and a client's
 * {@code connect} waits for its own timeout.</li>
 * </ul>
 * Closing it closes every connection, which releases whatever client was still waiting.
 */
final class SilentServer implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private SilentServer(ServerSocket server) {
		this.server = server;
	}

	static SilentServer accepting() throws IOException {
		SilentServer silent = new SilentServer(new ServerSocket(0, 50, InetAddress.getByName(LocalServers.HOST)));
		Thread acceptor = new Thread(silent::acceptForever, "silent-server-" + silent.port());
		acceptor.setDaemon(true);
		acceptor.start();
		return silent;
	}

	static SilentServer neverAccepting() throws IOException {
		SilentServer silent = new SilentServer(new ServerSocket(0, 1, InetAddress.getByName(LocalServers.HOST)));
		silent.fillBacklog();
		return silent;
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void acceptForever() {
		while (!this.server.isClosed()) {
			try {
				Socket connection = this.server.accept();
				this.connections.add(connection);
				Thread reader = new Thread(() -> discardInput(connection), "silent-server-reader");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				// Closed: the test is over.
			}
		}
	}

	private static void discardInput(Socket connection) {
		try (InputStream input = connection.getInputStream()) {
			input.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// Closed: the test is over.
		}
	}

	/**
	 * Connects until a connection request goes unanswered: the backlog is then full, and
	 * the kernel drops every later request instead of completing or refusing it.
	 */
	private void fillBacklog() throws IOException {
		for (int i = 0; i < 64; i++) {
			Socket filler = new Socket();
			this.connections.add(filler);
			try {
				filler.connect(new InetSocketAddress(LocalServers.HOST, port()), 500);
			}
			catch (SocketTimeoutException ex) {
				return;
			}
		}
		throw new IllegalStateException("The backlog of " + this.server + " never filled up");
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket connection : this.connections) {
			connection.close();
		}
	}

}
