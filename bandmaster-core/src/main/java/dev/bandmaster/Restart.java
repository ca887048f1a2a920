package dev.bandmaster;

import java.time.Duration;

/**
 * What the {@link Maestro} does with a service found failing after the boot, by its
 * {@linkplain Service#check() check} or a {@linkplain Maestro#reportFailure report}: in
 * both cases the service is marked {@link ServiceState#FAILED}, the services that depend
 * on it, directly or not, are stopped in reverse dependency order, and then its own
 * {@link Service#stop() stop} is called to release what it holds. What follows depends on
 * this setting. See {@link Maestro} for the whole contract of supervision.
 */
public enum Restart {

	/**
	 * Nothing more: the service stays {@link ServiceState#FAILED}, and its dependents
	 * stopped, until the next {@code startAll}. Today's behaviour, and the default.
	 */
	NEVER,

	/**
	 * The service is started again, and once it is {@link ServiceState#STARTED}, so are
	 * the dependents its failure stopped. Its restart is tried without end while it is
	 * supervised, waiting before each attempt after the first as its {@link RetryPolicy}
	 * says, each wait capped by the policy's {@linkplain RetryPolicy#maxBackoff() max
	 * backoff}, or by {@link #DEFAULT_MAX_BACKOFF} when it has none. The same holds for a
	 * service whose start failed during {@code startAll}, typically an optional one (a
	 * required one usually fails the application's startup): it keeps being tried after
	 * {@code startAll} has returned, and its dependents start when it comes up.
	 */
	ON_FAILURE;

	/**
	 * The longest wait between two restart attempts of a service whose retry policy sets
	 * no {@linkplain RetryPolicy#maxBackoff() max backoff}: 30 seconds.
	 */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

}
