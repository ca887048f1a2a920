package dev.bandmaster.spring;

import dev.bandmaster.Credentials;
import dev.bandmaster.Maestro;

/**
 * Published when a started service is found failing after the boot, by its
 * {@linkplain dev.bandmaster.Service#check() check} or a
 * {@linkplain Maestro#reportFailure report}: it is now
 * {@link dev.bandmaster.ServiceState#FAILED}, and the services that depend on it are
 * about to be stopped. Published once per failure; what follows (their stops, its
 * restart's {@link ServiceStartingEvent}, {@link ServiceRetryEvent} and
 * {@link ServiceStartedEvent}) is told by the usual events.
 */
public class ServiceFailedEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final Throwable cause;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the service
	 * @param serviceName the service
	 * @param cause why it is failing
	 */
	public ServiceFailedEvent(Maestro maestro, String serviceName, Throwable cause) {
		super(maestro, serviceName);
		this.cause = cause;
	}

	/**
	 * Returns why the service is failing: what its check threw, or the cause reported. As
	 * with the other events, it is the service's own error, unmasked: mask it before
	 * showing it outside the application, as {@link #toString()} does.
	 * @return the cause
	 */
	public Throwable getCause() {
		return this.cause;
	}

	/**
	 * Describes the event with the passwords in the cause's message masked.
	 * @return the service's name and the cause
	 */
	@Override
	public String toString() {
		String message = this.cause.getMessage();
		return getClass().getSimpleName() + "[service=" + getServiceName() + ", cause="
				+ this.cause.getClass().getName() + ((message != null) ? ": " + Credentials.mask(message) : "") + "]";
	}

}
