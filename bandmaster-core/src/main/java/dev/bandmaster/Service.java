package dev.bandmaster;

/**
 * Something with a start and a stop that the rest of the application depends on: a
 * database client, a cache, a broker connection, a partner API.
 * <p>
 * A {@link Maestro} calls these methods from its own worker threads, never concurrently
 * for one service, and never from within a lock of its own, so an implementation may
 * block for as long as it needs to.
 */
public interface Service {

	/**
	 * Boots the service. Called once per start attempt, so again on each retry after a
	 * failure. Called only when every dependency has started, which are handed over in
	 * {@code dependencies}.
	 * <p>
	 * Must honour thread interruption: the maestro interrupts an attempt when its timeout
	 * or the whole boot's deadline passes. An implementation that blocks should throw
	 * {@link InterruptedException} (or return) promptly when interrupted.
	 * @param dependencies the direct dependencies of this service, all started
	 * @throws Exception any failure; the attempt is retried as the service's
	 * {@link RetryPolicy} says. An error thrown instead is retried too, except a
	 * {@link VirtualMachineError} or a {@link LinkageError}, which fails the start at
	 * once (see {@link BandmasterException#fatal()})
	 */
	void start(Dependencies dependencies) throws Exception;

	/**
	 * Shuts the service down. Called only for a service that is started, after every
	 * service that depends on it has stopped; retried like {@link #start} when it throws.
	 * @throws Exception any failure; the service then stays {@link ServiceState#STARTED}.
	 * As for {@link #start}, a {@link VirtualMachineError} or a {@link LinkageError} is
	 * never retried
	 */
	void stop() throws Exception;

	/**
	 * Checks that the started service is still usable: a liveness check, such as a query
	 * on a connection or a ping. Called by a {@link Maestro} every
	 * {@linkplain ServiceDefinition#checkInterval() check interval} once the boot is
	 * over, and only then; only while the service is {@link ServiceState#STARTED}, never
	 * at the same time as its {@link #start} or {@link #stop}, and interrupted when its
	 * {@linkplain ServiceDefinition#startTimeout() start timeout}, if it has one, passes.
	 * Does nothing by default.
	 * @throws Exception when the service is no longer usable; the maestro then handles it
	 * as its {@link Restart} setting says
	 */
	default void check() throws Exception {
	}

}
