package dev.bandmaster.spring.observation;

import io.micrometer.observation.Observation;

/**
 * What a {@code bandmaster.boot} or {@code bandmaster.shutdown} observation knows of its
 * run: one call of the maestro's {@code startAll}, {@code start} or {@code stopAll}.
 * Written by the thread that runs the call, read by conventions and handlers on it.
 */
public class BandmasterRunContext extends Observation.Context {

	private final Transition transition;

	private final int services;

	private int failures;

	private Outcome outcome = Outcome.UNKNOWN;

	/**
	 * Creates the context of a run.
	 * @param transition which way the run goes
	 * @param services how many services it covers
	 */
	public BandmasterRunContext(Transition transition, int services) {
		this.transition = transition;
		this.services = services;
	}

	/**
	 * Returns which way the run goes.
	 * @return the transition
	 */
	public Transition getTransition() {
		return this.transition;
	}

	/**
	 * Returns how many services the run covers, those with nothing to do included.
	 * @return the number of services
	 */
	public int getServices() {
		return this.services;
	}

	/**
	 * Returns how many services did not make their transition.
	 * @return the number of failures, 0 until the run ends
	 */
	public int getFailures() {
		return this.failures;
	}

	/**
	 * Returns how the run ended.
	 * @return the outcome, {@link Outcome#UNKNOWN} until it ends
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	void ended(int failures) {
		this.failures = failures;
		this.outcome = (failures == 0) ? Outcome.SUCCESS : Outcome.FAILURE;
	}

}
