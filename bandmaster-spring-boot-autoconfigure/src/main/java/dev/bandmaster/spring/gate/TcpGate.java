package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

/**
 * A gate that opens a TCP connection to {@code host:port} and closes it: for any server
 * whose client has no better check (a broker, a legacy service, a sidecar).
 */
public class TcpGate extends Gate {

	private final String host;

	private final int port;

	private final Duration connectTimeout;

	/**
	 * Creates a gate.
	 * @param host the host name or address
	 * @param port the port, from 1 to 65535
	 * @param connectTimeout how long one connection attempt may take
	 */
	public TcpGate(String host, int port, Duration connectTimeout) {
		this.host = Objects.requireNonNull(host, "host must not be null");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("A TCP gate's port must be from 1 to 65535, but was " + port);
		}
		this.port = port;
		this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
	}

	@Override
	public void check() throws Exception {
		InterruptibleCall.call(this.host + ":" + this.port, () -> {
			try (Socket socket = new Socket()) {
				// At least 1 ms: 0 would wait forever.
				socket.connect(new InetSocketAddress(this.host, this.port),
						(int) Math.min(Integer.MAX_VALUE, Math.max(1, this.connectTimeout.toMillis())));
			}
			catch (IOException ex) {
				throw new IOException("Could not connect to " + this.host + ":" + this.port + ": " + ex.getMessage(),
						ex);
			}
			return null;
		});
	}

	@Override
	public String toString() {
		return "TcpGate[" + this.host + ":" + this.port + "]";
	}

}
