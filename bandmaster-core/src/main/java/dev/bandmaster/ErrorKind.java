package dev.bandmaster;

/**
 * What went wrong, as reported by a {@link BandmasterException}.
 */
public enum ErrorKind {

	/** Anything not covered below. */
	UNKNOWN,

	/**
	 * A name was given that no registered service has, such as to
	 * {@link Maestro#reportFailure}.
	 */
	SERVICE_UNKNOWN,

	/** A service was registered under a name already taken. */
	SERVICE_ALREADY_EXISTS,

	/** A service names itself as a dependency. */
	SERVICE_DEPENDS_ON_ITSELF,

	/**
	 * A service names the same dependency twice; {@link BandmasterException#dependency()}
	 * names it.
	 */
	SERVICE_DUPLICATE_DEPENDENCY,

	/**
	 * A dependency is not registered; {@link BandmasterException#dependency()} names it.
	 */
	DEPENDENCY_MISSING,

	/**
	 * Services depend on one another in a loop;
	 * {@link BandmasterException#circularDependencies()} is the loop.
	 */
	DEPENDENCY_CIRCULAR,

	/**
	 * A service was not started because one of its direct dependencies did not start;
	 * {@link BandmasterException#dependency()} names that dependency.
	 */
	DEPENDENCY_UNAVAILABLE,

	/**
	 * A service was not stopped because a service that depends on it is still running;
	 * {@link BandmasterException#parent()} names that service.
	 */
	PARENT_UNAVAILABLE,

	/**
	 * A service's last start attempt failed, timed out, or was cancelled; the cause says
	 * why.
	 */
	SERVICE_START_FAILURE,

	/**
	 * A service's last stop attempt failed, timed out, or was cancelled; the cause says
	 * why.
	 */
	SERVICE_STOP_FAILURE

}
