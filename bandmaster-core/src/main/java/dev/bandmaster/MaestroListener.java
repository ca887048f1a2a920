package dev.bandmaster;

import java.time.Duration;
import java.util.List;

/**
 * Sees every transition of every service of a {@link Maestro}. All methods do nothing by
 * default.
 * <p>
 * Methods are called from the maestro's worker threads (and, on cancellation, from the
 * thread that called {@code startAll} or {@code stopAll}), concurrently for different
 * services, in order for one service: a cancellation that cuts short the announcement of
 * a service's {@code starting}, {@code stopping} or {@code retryScheduled} reports the
 * service's failure once that announcement is done, which may be after {@code startAll}
 * or {@code stopAll} has returned. A call refused because it could not get its turn
 * before its deadline, while another run went on, tells listeners nothing. Listeners must
 * be thread-safe and quick: a slow listener slows the boot. An exception thrown by a
 * listener is logged and otherwise ignored.
 */
public interface MaestroListener {

	/**
	 * A run of {@code startAll}, {@code start} or {@code stopAll} begins, on the thread
	 * that called it, before any of its services' callbacks. Not called for a call
	 * refused before it began (its graph is invalid, or its deadline passed while another
	 * run went on). Together with {@link #runFinished} it bounds a boot or a shutdown as
	 * a whole, which a trace needs as the parent of its services' spans.
	 * @param transition {@link ServiceState#STARTING} for a start,
	 * {@link ServiceState#STOPPING} for a stop
	 * @param services how many services the run covers, those with nothing to do included
	 */
	default void runStarting(ServiceState transition, int services) {
	}

	/**
	 * A run that {@link #runStarting} announced has ended, on the thread that called it,
	 * just before the call returns. A service's failure that a cancellation left for the
	 * thread announcing one of its transitions may still follow.
	 * @param transition {@link ServiceState#STARTING} for a start,
	 * {@link ServiceState#STOPPING} for a stop
	 * @param duration how long the run took
	 * @param errors what the call returns: empty when every service made its transition
	 */
	default void runFinished(ServiceState transition, Duration duration, List<BandmasterException> errors) {
	}

	/**
	 * A service's start begins: its dependencies are up and its first attempt is about to
	 * run.
	 * @param serviceName the service
	 */
	default void starting(String serviceName) {
	}

	/**
	 * A service started.
	 * @param serviceName the service
	 * @param duration from its first attempt to its success
	 * @param attempts how many attempts it took, 1 for a first-time success
	 */
	default void started(String serviceName, Duration duration, int attempts) {
	}

	/**
	 * One attempt to start or stop a service is about to call the service's code, on the
	 * thread that runs it. The attempt ends with the next call for the service:
	 * {@code started} or {@code stopped} when it succeeds, {@code retryScheduled} when it
	 * fails and another attempt follows, {@code startFailed} or {@code stopFailed}
	 * otherwise. The other callbacks cannot tell when a retry begins (after its backoff,
	 * or later when the failed attempt's call is still returning), which a trace of each
	 * attempt needs.
	 * <p>
	 * A cancellation may resolve the service from another thread just before this call:
	 * its failure can then reach listeners first, and this call is to be ignored.
	 * @param serviceName the service
	 * @param transition whether it is starting or stopping: {@link ServiceState#STARTING}
	 * or {@link ServiceState#STOPPING}
	 * @param attempt the attempt, 1 for the first
	 */
	default void attemptStarting(String serviceName, ServiceState transition, int attempt) {
	}

	/**
	 * An attempt to start or stop a service failed and another one is scheduled.
	 * @param serviceName the service
	 * @param transition whether it was starting or stopping:
	 * {@link ServiceState#STARTING} or {@link ServiceState#STOPPING}
	 * @param attempt the attempt that failed, 1 for the first
	 * @param delay the wait before the next attempt
	 * @param error why the attempt failed
	 */
	default void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
			Throwable error) {
	}

	/**
	 * A service will not be started in this run: its last attempt failed, a dependency is
	 * unavailable, or the boot was cancelled. {@link BandmasterException#kind()} tells
	 * which.
	 * @param failure the error, as {@code startAll} reports it
	 */
	default void startFailed(BandmasterException failure) {
	}

	/**
	 * A started service was found failing after the boot, by its
	 * {@linkplain Service#check() check} or a {@linkplain Maestro#reportFailure report}:
	 * it is now {@link ServiceState#FAILED}. Called once per failure, before the services
	 * that depend on it are stopped; what follows (their {@code stopping}, its restart's
	 * {@code starting}...) is told through the other methods.
	 * @param serviceName the service
	 * @param cause why it is failing: what its check threw, or the cause reported
	 */
	default void failed(String serviceName, Throwable cause) {
	}

	/**
	 * A service's stop begins: every service depending on it has stopped.
	 * @param serviceName the service
	 */
	default void stopping(String serviceName) {
	}

	/**
	 * A service stopped.
	 * @param serviceName the service
	 * @param duration from its first stop attempt to its success
	 */
	default void stopped(String serviceName, Duration duration) {
	}

	/**
	 * A service will not be stopped in this run: its last attempt failed, a service
	 * depending on it is still running, or the shutdown was cancelled.
	 * @param failure the error, as {@code stopAll} reports it
	 */
	default void stopFailed(BandmasterException failure) {
	}

}
