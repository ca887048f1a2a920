package dev.bandmaster.benchmarks.contender;

import java.util.List;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.benchmarks.workload.ServiceSpec;

/**
 * Turns service specs into a {@link Maestro}, for the BandMaster contender and the JMH
 * benchmarks alike.
 */
public final class Maestros {

	private Maestros() {
	}

	/**
	 * Builds a maestro on its own threads with one service per spec, each sleeping its
	 * start time. The specs are not checked: a benchmark may register a missing
	 * dependency or a loop on purpose.
	 * @param specs the services
	 * @return the maestro, nothing started
	 */
	public static Maestro of(List<ServiceSpec> specs) {
		Maestro maestro = Maestro.builder().build();
		for (ServiceSpec spec : specs) {
			maestro.addService(ServiceDefinition.builder(spec.name(), new SleepingService(spec.startMillis()))
				.dependsOn(spec.dependencies())
				.build());
		}
		return maestro;
	}

	/** Sleeps its start time; stopping is free. */
	private record SleepingService(int startMillis) implements Service {

		@Override
		public void start(Dependencies dependencies) throws InterruptedException {
			SimulatedStart.sleep(this.startMillis);
		}

		@Override
		public void stop() {
		}

	}

}
