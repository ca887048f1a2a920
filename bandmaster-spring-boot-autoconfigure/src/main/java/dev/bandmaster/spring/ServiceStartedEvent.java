package dev.bandmaster.spring;

import java.time.Duration;

import dev.bandmaster.Maestro;

/**
 * Published when a service has started.
 */
public class ServiceStartedEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final Duration duration;

	private final int attempts;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param serviceName the service
	 * @param duration from its first attempt to its success
	 * @param attempts how many attempts it took, 1 for a first-time success
	 */
	public ServiceStartedEvent(Maestro maestro, String serviceName, Duration duration, int attempts) {
		super(maestro, serviceName);
		this.duration = duration;
		this.attempts = attempts;
	}

	/**
	 * Returns how long the start took, from its first attempt to its success.
	 * @return the duration
	 */
	public Duration getDuration() {
		return this.duration;
	}

	/**
	 * Returns how many attempts the start took.
	 * @return 1 for a first-time success
	 */
	public int getAttempts() {
		return this.attempts;
	}

}
