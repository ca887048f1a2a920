package dev.bandmaster.spring.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * What a {@code bandmaster.service.start} or {@code bandmaster.service.stop} observation
 * knows of one service's transition. Written by the threads that drive the service, one
 * after the other (the engine tells listeners of one service in order), and read by
 * conventions and handlers when the observation starts and stops.
 */
public class ServiceTransitionContext extends Observation.Context {

	private final String serviceName;

	private final boolean required;

	private final Transition transition;

	private int attempts;

	private Outcome outcome = Outcome.UNKNOWN;

	private @Nullable ServiceError failure;

	/**
	 * Creates the context of a service's start or stop.
	 * @param serviceName the service
	 * @param required whether it is required
	 * @param transition whether it starts or stops
	 */
	public ServiceTransitionContext(String serviceName, boolean required, Transition transition) {
		this.serviceName = serviceName;
		this.required = required;
		this.transition = transition;
	}

	/**
	 * Returns the service's name.
	 * @return the name
	 */
	public String getServiceName() {
		return this.serviceName;
	}

	/**
	 * Returns whether the service is required.
	 * @return {@code true} when its failure fails the boot
	 */
	public boolean isRequired() {
		return this.required;
	}

	/**
	 * Returns whether the service starts or stops.
	 * @return the transition
	 */
	public Transition getTransition() {
		return this.transition;
	}

	/**
	 * Returns how many attempts have begun.
	 * @return the number of attempts, 0 before the first
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Returns how the transition ended.
	 * @return the outcome, {@link Outcome#UNKNOWN} until it ends
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Returns the error that ended the transition, its passwords masked.
	 * @return the error, or {@code null} when it succeeded or has not ended
	 */
	public @Nullable ServiceError getFailure() {
		return this.failure;
	}

	void attempted(int attempt) {
		this.attempts = attempt;
	}

	void ended(@Nullable ServiceError failure) {
		this.failure = failure;
		this.outcome = (failure == null) ? Outcome.SUCCESS : Outcome.FAILURE;
	}

}
