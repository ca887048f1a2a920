package dev.bandmaster.spring.gate;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import dev.bandmaster.BandmasterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
