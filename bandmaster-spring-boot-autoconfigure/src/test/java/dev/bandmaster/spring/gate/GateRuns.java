package dev.bandmaster.spring.gate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.Restart;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a gate the way the starter does: as a service of a {@link Maestro}, with retries.
 */
final class GateRuns {

	private GateRuns() {
	}

	static List<BandmasterException> start(Service gate, int retries, Duration backoff, MaestroListener listener) {
		Maestro maestro = Maestro.builder().listener(listener).build();
		maestro.addService(ServiceDefinition.builder("gate", gate)
			.retries(retries)
			.initialBackoff(backoff)
			.multiplier(1.0)
			.startTimeout(Duration.ofSeconds(10))
			.build());
		try {
			return maestro.startAll(Duration.ofSeconds(60));
		}
		finally {
			maestro.stopAll(Duration.ofSeconds(10));
		}
	}

	static List<BandmasterException> start(Service gate, int retries, Duration backoff) {
		return start(gate, retries, backoff, new MaestroListener() {
		});
	}

	/**
	 * Checks that a gate supervised as the starter's users would (restart on failure, a
	 * short check interval) is a liveness monitor of its infrastructure: once
	 * {@code takeAway} has taken the infrastructure away, the gate is found failing and
	 * the service depending on it is stopped; once {@code bringBack} has brought it back,
	 * both are started again. Thirty seconds at most for each, a bound that only catches
	 * a hang (a client may take its own time to reconnect).
	 */
	static void assertSupervisedGateFollowsItsInfrastructure(Service gate, Step takeAway, Step bringBack)
			throws Exception {
		List<String> dependentCalls = new CopyOnWriteArrayList<>();
		Maestro maestro = new Maestro();
		maestro.addService(ServiceDefinition.builder("gate", gate)
			.restart(Restart.ON_FAILURE)
			.checkInterval(Duration.ofMillis(20))
			.initialBackoff(Duration.ofMillis(20))
			.maxBackoff(Duration.ofMillis(200))
			.startTimeout(Duration.ofSeconds(5))
			.build());
		maestro.addService("dependent", true, new Service() {
			@Override
			public void start(Dependencies dependencies) {
				dependentCalls.add("start");
			}

			@Override
			public void stop() {
				dependentCalls.add("stop");
			}
		}, "gate");
		try {
			assertThat(maestro.startAll(Duration.ofSeconds(10))).isEmpty();
			takeAway.run();
			awaitState(maestro, "dependent", ServiceState.STOPPED);
			// Failed, or trying to restart meanwhile.
			assertThat(maestro.state("gate")).isIn(ServiceState.FAILED, ServiceState.STARTING);
			assertThat(maestro.snapshot("gate").failures()).isEqualTo(1);

			bringBack.run();
			awaitState(maestro, "dependent", ServiceState.STARTED);
			assertThat(maestro.state("gate")).isEqualTo(ServiceState.STARTED);
			assertThat(dependentCalls).containsExactly("start", "stop", "start");
		}
		finally {
			maestro.stopAll(Duration.ofSeconds(10));
		}
	}

	private static void awaitState(Maestro maestro, String name, ServiceState state) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (maestro.state(name) != state && System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
		assertThat(maestro.state(name)).as(name + " within thirty seconds").isEqualTo(state);
	}

	/** Something a test does to its infrastructure. */
	@FunctionalInterface
	interface Step {

		void run() throws Exception;

	}

	/**
	 * Checks that a gate whose client call hangs, ignoring interruption, still ends each
	 * attempt at its start timeout: two attempts of 200 ms each are both made, and the
	 * boot fails with the attempt timeout. A gate that waited for its client instead
	 * would make one attempt, given up on at the run's deadline; that deadline (30 s) is
	 * only there to catch such a hang, not to time the gate.
	 */
	static void assertEachAttemptEndsAtItsTimeout(Service gate) {
		Maestro maestro = new Maestro();
		maestro.addService(ServiceDefinition.builder("gate", gate)
			.retries(1)
			.initialBackoff(Duration.ZERO)
			.startTimeout(Duration.ofMillis(200))
			.build());
		List<BandmasterException> errors = maestro.startAll(Duration.ofSeconds(30));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.attempts()).as("attempts made before the run's deadline").isEqualTo(2);
			assertThat(error.getCause()).isInstanceOf(TimeoutException.class)
				.hasMessageContaining("within its start timeout");
		});
	}

}
