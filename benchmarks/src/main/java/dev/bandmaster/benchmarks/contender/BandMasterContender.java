package dev.bandmaster.benchmarks.contender;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * The engine itself: a {@link Maestro} with one service per workload line, on the
 * maestro's own threads (virtual on Java 21+, an unbounded pool on 17), as an application
 * that uses the core directly would run it.
 */
public final class BandMasterContender implements Contender {

	private final Duration timeout;

	/**
	 * Creates the contender.
	 * @param timeout how long one start or stop may take before the run is declared
	 * failed
	 */
	public BandMasterContender(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "bandmaster";
	}

	@Override
	public Optional<String> skipReason(Workload workload) {
		return Optional.empty();
	}

	@Override
	public Deployment deploy(Workload workload) {
		Maestro maestro = Maestros.of(workload.services());
		return new Deployment() {

			@Override
			public void start() {
				check("start", maestro.startAll(BandMasterContender.this.timeout));
			}

			@Override
			public void stop() {
				check("stop", maestro.stopAll(BandMasterContender.this.timeout));
			}

			@Override
			public void close() {
				maestro.stopAll(BandMasterContender.this.timeout);
			}

		};
	}

	private static void check(String what, List<BandmasterException> errors) {
		if (!errors.isEmpty()) {
			IllegalStateException failure = new IllegalStateException(
					errors.size() + " services failed to " + what + ", first: " + errors.get(0).getMessage());
			failure.addSuppressed(errors.get(0));
			throw failure;
		}
	}

}
