package dev.bandmaster.spring;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;

/**
 * Published when a service will not be started in this boot: its last attempt failed, a
 * dependency is unavailable, or the boot timed out. {@link BandmasterException#kind()}
 * tells which.
 */
public class ServiceStartFailedEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final BandmasterException failure;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param failure the error, naming the service
	 */
	public ServiceStartFailedEvent(Maestro maestro, BandmasterException failure) {
		super(maestro, failure.serviceName());
		this.failure = failure;
	}

	/**
	 * Returns why the service did not start.
	 * @return the error; its cause is the service's own last error, when there is one
	 */
	public BandmasterException getFailure() {
		return this.failure;
	}

}
