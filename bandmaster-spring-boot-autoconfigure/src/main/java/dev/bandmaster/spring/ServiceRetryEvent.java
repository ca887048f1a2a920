package dev.bandmaster.spring;

import java.time.Duration;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;

/**
 * Published when an attempt to start or stop a service failed and another one is
 * scheduled.
 */
public class ServiceRetryEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final ServiceState transition;

	private final int attempt;

	private final Duration delay;

	private final Throwable error;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param serviceName the service
	 * @param transition {@link ServiceState#STARTING} or {@link ServiceState#STOPPING}
	 * @param attempt the attempt that failed, 1 for the first
	 * @param delay the wait before the next attempt
	 * @param error why the attempt failed
	 */
	public ServiceRetryEvent(Maestro maestro, String serviceName, ServiceState transition, int attempt, Duration delay,
			Throwable error) {
		super(maestro, serviceName);
		this.transition = transition;
		this.attempt = attempt;
		this.delay = delay;
		this.error = error;
	}

	/**
	 * Returns whether the service was starting or stopping.
	 * @return {@link ServiceState#STARTING} or {@link ServiceState#STOPPING}
	 */
	public ServiceState getTransition() {
		return this.transition;
	}

	/**
	 * Returns the attempt that failed.
	 * @return 1 for the first attempt
	 */
	public int getAttempt() {
		return this.attempt;
	}

	/**
	 * Returns the wait before the next attempt.
	 * @return the delay
	 */
	public Duration getDelay() {
		return this.delay;
	}

	/**
	 * Returns why the attempt failed.
	 * @return the service's error
	 */
	public Throwable getError() {
		return this.error;
	}

}
