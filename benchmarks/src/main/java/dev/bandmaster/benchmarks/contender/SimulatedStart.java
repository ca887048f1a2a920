package dev.bandmaster.benchmarks.contender;

/**
 * What every contender's service does when it starts: sleep its start time, giving up
 * when interrupted. Shared so that all contenders run exactly the same service work.
 */
final class SimulatedStart {

	private SimulatedStart() {
	}

	/**
	 * Sleeps, letting an interruption through.
	 * @param millis how long; 0 returns at once without touching the scheduler
	 * @throws InterruptedException if interrupted while sleeping
	 */
	static void sleep(int millis) throws InterruptedException {
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

	/**
	 * Sleeps, for callers that cannot throw {@link InterruptedException}: the interrupt
	 * flag is set again and the start fails, as a well-behaved service would.
	 * @param millis how long
	 * @param name the service, for the message
	 */
	static void sleepUninterruptibly(int millis, String name) {
		try {
			sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Start of '" + name + "' interrupted", ex);
		}
	}

}
