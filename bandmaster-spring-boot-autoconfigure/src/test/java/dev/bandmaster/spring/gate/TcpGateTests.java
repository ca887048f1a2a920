package dev.bandmaster.spring.gate;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.Restart;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;
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
		ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName(LocalServers.HOST));
		int port = server.getLocalPort();
		TcpGate gate = new TcpGate(LocalServers.HOST, port, Duration.ofSeconds(1));
		List<String> dependentCalls = new CopyOnWriteArrayList<>();
		Maestro maestro = new Maestro();
		maestro.addService(ServiceDefinition.builder("broker", gate)
			.restart(Restart.ON_FAILURE)
			.checkInterval(Duration.ofMillis(20))
			.initialBackoff(Duration.ofMillis(20))
			.maxBackoff(Duration.ofMillis(100))
			.build());
		maestro.addService("orders", true, new Service() {
			@Override
			public void start(Dependencies dependencies) {
				dependentCalls.add("start");
			}

			@Override
			public void stop() {
				dependentCalls.add("stop");
			}
		}, "broker");
		try {
			assertThat(maestro.startAll(Duration.ofSeconds(10))).isEmpty();
			server.close();
			awaitState(maestro, "orders", ServiceState.STOPPED);
			// Failed, or trying to restart meanwhile.
			assertThat(maestro.state("broker")).isIn(ServiceState.FAILED, ServiceState.STARTING);
			assertThat(maestro.snapshot("broker").lastFailure()).hasMessageContaining("Could not connect");

			server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getByName(LocalServers.HOST), port), 10);
			awaitState(maestro, "orders", ServiceState.STARTED);
			assertThat(maestro.state("broker")).isEqualTo(ServiceState.STARTED);
			assertThat(dependentCalls).containsExactly("start", "stop", "start");
		}
		finally {
			maestro.stopAll(Duration.ofSeconds(10));
			server.close();
		}
	}

	/** Waits for a state, ten seconds at most: a bound that only catches a hang. */
	static void awaitState(Maestro maestro, String name, ServiceState state) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (maestro.state(name) != state && System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
		assertThat(maestro.state(name)).as(name + " within ten seconds").isEqualTo(state);
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
