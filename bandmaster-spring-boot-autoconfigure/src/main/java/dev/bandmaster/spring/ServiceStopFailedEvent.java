package dev.bandmaster.spring;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;

/**
 * Published when a service will not be stopped in this shutdown: its last attempt failed,
 * a service depending on it is still running, or the shutdown timed out.
 */
public class ServiceStopFailedEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final BandmasterException failure;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param failure the error, naming the service
	 */
	public ServiceStopFailedEvent(Maestro maestro, BandmasterException failure) {
		super(maestro, failure.serviceName());
		this.failure = failure;
	}

	/**
	 * Returns why the service was not stopped.
	 * @return the error
	 */
	public BandmasterException getFailure() {
		return this.failure;
	}

}
