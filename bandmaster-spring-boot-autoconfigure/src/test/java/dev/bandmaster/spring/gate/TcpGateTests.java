package dev.bandmaster.spring.gate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import dev.bandmaster.BandmasterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TcpGateTests {

	@Test
	void opensWhenThePortAcceptsConnections() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName(LocalServers.HOST))) {
			TcpGate gate = new TcpGate(LocalServers.HOST, server.getLocalPort(), Duration.ofSeconds(1));
			assertThat(GateRuns.start(gate, 0, Duration.ZERO)).isEmpty();
		}
	}

	@Test
	void checksThatThePortStillAcceptsConnections() throws Exception {
		ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName(LocalServers.HOST));
		TcpGate gate = new TcpGate(LocalServers.HOST, server.getLocalPort(), Duration.ofSeconds(1));
		gate.check();
		server.close();
		assertThatIOException().isThrownBy(gate::check)
			.withMessageStartingWith("Could not connect to " + LocalServers.HOST + ":" + server.getLocalPort());
	}

	@Test
	void aSupervisedGateStopsItsDependentsWhileThePortIsClosedAndStartsThemAgainWhenItIsBack() throws Exception {
		ServerSocket[] server = { new ServerSocket(0, 10, InetAddress.getByName(LocalServers.HOST)) };
		int port = server[0].getLocalPort();
		try {
			GateRuns.assertSupervisedGateFollowsItsInfrastructure(
					new TcpGate(LocalServers.HOST, port, Duration.ofSeconds(1)), () -> server[0].close(), () -> {
						server[0] = new ServerSocket();
						server[0].setReuseAddress(true);
						server[0].bind(new InetSocketAddress(InetAddress.getByName(LocalServers.HOST), port), 10);
					});
		}
		finally {
			server[0].close();
		}
	}

	@Test
	void reportsTheAddressItCouldNotReach() {
		int port = LocalServers.closedPort();
		List<BandmasterException> errors = GateRuns.start(new TcpGate(LocalServers.HOST, port, Duration.ofSeconds(1)),
				1, Duration.ofMillis(10));
		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getCause())
				.hasMessageStartingWith("Could not connect to " + LocalServers.HOST + ":" + port));
	}

	@Test
	void honoursTheAttemptTimeoutWhenTheServerNeverAcceptsTheConnection() throws Exception {
		// A connect on a platform thread does not end when interrupted: it waits for
		// its own timeout, here far longer than the attempt's.
		try (SilentServer silent = SilentServer.neverAccepting()) {
			GateRuns.assertEachAttemptEndsAtItsTimeout(
					new TcpGate(LocalServers.HOST, silent.port(), Duration.ofSeconds(60)));
		}
	}

	@Test
	void refusesAPortOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TcpGate("localhost", 70000, Duration.ofSeconds(1)))
			.withMessageContaining("70000");
	}

}
