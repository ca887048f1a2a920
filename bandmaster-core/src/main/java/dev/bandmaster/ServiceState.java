package dev.bandmaster;

/**
 * Where a service is in its life cycle. The transitions are: <pre>
 * STOPPED  --startAll--&gt; STARTING --&gt; STARTED | FAILED
 * FAILED   --startAll--&gt; STARTING
 * STARTED  --stopAll---&gt; STOPPING --&gt; STOPPED | STARTED (its stop failed)
 * STARTED  --found failing after the boot--&gt; FAILED --its stop--&gt; STOPPING --&gt; FAILED
 * FAILED   --restart on failure--&gt; STARTING
 * </pre> A service stays {@code STARTING} while it waits between two attempts. A service
 * that was never tried because a dependency was unavailable keeps the state it had. A
 * service found failing after the boot (see {@link Maestro}) stays {@code FAILED} whether
 * the stop that releases it succeeds or not.
 */
public enum ServiceState {

	/** Not running: never started, or stopped. */
	STOPPED,

	/** An attempt to start it is running, or the next one is scheduled. */
	STARTING,

	/** Running: its {@link Service#start} returned normally. */
	STARTED,

	/**
	 * Its last start attempt failed (or was cancelled), or it was found failing after the
	 * boot; a later {@code startAll} tries again, and so does supervision for a service
	 * with {@link Restart#ON_FAILURE}.
	 */
	FAILED,

	/** An attempt to stop it is running, or the next one is scheduled. */
	STOPPING

}
