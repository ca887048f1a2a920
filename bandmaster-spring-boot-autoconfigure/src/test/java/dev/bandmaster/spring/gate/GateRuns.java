package dev.bandmaster.spring.gate;

import java.time.Duration;
import java.util.List;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;

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

}
