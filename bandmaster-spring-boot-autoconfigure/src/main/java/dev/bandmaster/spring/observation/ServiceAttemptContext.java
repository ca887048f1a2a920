package dev.bandmaster.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * What a {@code bandmaster.service.attempt} observation knows of one call of a service's
 * start or stop. Written by the threads that drive the service, one after the other, and
 * read by conventions and handlers when the observation starts and stops.
 */
public class ServiceAttemptContext extends Observation.Context {

	private final String serviceName;

	private final Transition transition;

	private final int attempt;

	private Outcome outcome = Outcome.UNKNOWN;

	private @Nullable ServiceError failure;

	/**
	 * Creates the context of an attempt.
	 * @param serviceName the service
	 * @param transition whether it starts or stops
	 * @param attempt the attempt, 1 for the first
	 */
	public ServiceAttemptContext(String serviceName, Transition transition, int attempt) {
		this.serviceName = serviceName;
		this.transition = transition;
		this.attempt = attempt;
	}

	/**
	 * Returns the service's name.
	 * @return the name
	 */
	public String getServiceName() {
		return this.serviceName;
	}

	/**
	 * Returns whether the service starts or stops.
	 * @return the transition
	 */
	public Transition getTransition() {
		return this.transition;
	}

	/**
	 * Returns which attempt this is.
	 * @return the attempt, 1 for the first
	 */
	public int getAttempt() {
		return this.attempt;
	}

	/**
	 * Returns how the attempt ended.
	 * @return the outcome, {@link Outcome#UNKNOWN} until it ends
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Returns the error of a failed attempt, its passwords masked.
	 * @return the error, or {@code null} when it succeeded or has not ended
	 */
	public @Nullable ServiceError getFailure() {
		return this.failure;
	}

	void ended(@Nullable ServiceError failure) {
		this.failure = failure;
		this.outcome = (failure == null) ? Outcome.SUCCESS : Outcome.FAILURE;
	}

}
