package dev.bandmaster.spring;

import java.time.Duration;

import dev.bandmaster.Maestro;

/**
 * Published when a service has stopped.
 */
public class ServiceStoppedEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final Duration duration;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param serviceName the service
	 * @param duration from its first stop attempt to its success
	 */
	public ServiceStoppedEvent(Maestro maestro, String serviceName, Duration duration) {
		super(maestro, serviceName);
		this.duration = duration;
	}

	/**
	 * Returns how long the stop took.
	 * @return the duration
	 */
	public Duration getDuration() {
		return this.duration;
	}

}
