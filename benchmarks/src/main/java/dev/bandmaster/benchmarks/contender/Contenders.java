package dev.bandmaster.benchmarks.contender;

import java.time.Duration;
import java.util.List;

/**
 * The contenders the runner knows, in the order of the tables.
 */
public final class Contenders {

	private Contenders() {
	}

	/**
	 * Lists every contender.
	 * @param maxSpringServices the largest workload a Spring contender runs
	 * @param maxSerial the longest sum of start times a contender that starts services
	 * one by one runs
	 * @param timeout how long one start or stop may take
	 * @return the contenders
	 */
	public static List<Contender> all(int maxSpringServices, Duration maxSerial, Duration timeout) {
		return List.of(new BandMasterContender(timeout), new BandMasterStarterContender(maxSpringServices),
				new SpringDependsOnContender(maxSpringServices, maxSerial.toMillis(), false),
				new SpringDependsOnContender(maxSpringServices, maxSerial.toMillis(), true),
				new SpringConcurrentPhasesContender(maxSpringServices, timeout),
				new SpringBackgroundInitContender(maxSpringServices), new GuavaContender(timeout));
	}

}
