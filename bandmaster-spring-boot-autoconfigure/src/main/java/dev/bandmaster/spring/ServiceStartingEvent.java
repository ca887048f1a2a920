package dev.bandmaster.spring;

import dev.bandmaster.Maestro;

/**
 * Published when a service's start begins: its dependencies are up and its first attempt
 * is about to run.
 */
public class ServiceStartingEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param serviceName the service
	 */
	public ServiceStartingEvent(Maestro maestro, String serviceName) {
		super(maestro, serviceName);
	}

}
