package dev.bandmaster.spring.gate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;

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
