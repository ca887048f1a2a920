package dev.bandmaster.spring;

import dev.bandmaster.Maestro;

/**
 * Published when a service's stop begins, once every service that depends on it has
 * stopped.
 */
public class ServiceStoppingEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param serviceName the service
	 */
	public ServiceStoppingEvent(Maestro maestro, String serviceName) {
		super(maestro, serviceName);
	}

}
