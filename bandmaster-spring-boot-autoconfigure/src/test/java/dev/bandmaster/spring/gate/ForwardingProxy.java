package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy of the test's own on a loopback port, forwarding every connection to a real
 * server: a server the test can take away ({@link #close()}) and bring back
 * ({@link #reopen()}, on the same port) without touching the shared one. Closing it
 * closes the connections it forwards, as a server going down would. Thread-safe.
 */
final class ForwardingProxy implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private ForwardingProxy(int targetPort, int port) throws IOException {
		this.targetPort = targetPort;
		this.port = port;
		open();
	}

	/** Opens a proxy on a free loopback port to {@code targetPort} on loopback. */
	static ForwardingProxy to(int targetPort) throws IOException {
		return new ForwardingProxy(targetPort, LocalServers.closedPort());
	}

	int port() {
		return this.port;
	}

	/** Listens again on the same port, after {@link #close()}. */
	void reopen() throws IOException {
		open();
	}

	private void open() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getByName(LocalServers.HOST), this.port), 50);
		this.server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "forwarding-proxy-" + this.port);
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Socket target = new Socket(LocalServers.HOST, this.targetPort);
				this.connections.add(client);
				this.connections.add(target);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				// Closed, or the target refused: the client's connection ends.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side went away: the other is closed below.
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "forwarding-proxy-pump-" + this.port);
		thread.setDaemon(true);
		thread.start();
	}

	/** Stops listening and closes every connection forwarded so far. */
	@Override
	public void close() {
		closeQuietly(this.server);
		for (Socket connection : this.connections) {
			closeQuietly(connection);
		}
		this.connections.clear();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			if (closeable != null) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			// Closing what is going away anyway.
		}
	}

}
