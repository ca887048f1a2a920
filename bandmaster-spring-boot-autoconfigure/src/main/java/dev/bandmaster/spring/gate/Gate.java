package dev.bandmaster.spring.gate;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A {@link Service} whose start is a check that a piece of infrastructure answers, and
 * whose stop does nothing: the client it checks belongs to the application, which closes
 * it. A failed check throws, so the maestro retries it as the gate's retry policy says.
 * The same check is the gate's {@linkplain Service#check() liveness check}: with a check
 * interval and {@link dev.bandmaster.Restart#ON_FAILURE}, a gate watches its
 * infrastructure after the boot, and the services depending on it are stopped while it is
 * down and started again when it is back. Thread-safe: a gate keeps no state between
 * checks.
 */
public abstract class Gate implements Service {

	/**
	 * Runs the check.
	 * @param dependencies unused: a gate checks infrastructure, not other services
	 * @throws Exception when the infrastructure does not answer as expected
	 */
	@Override
	public final void start(Dependencies dependencies) throws Exception {
		check();
	}

	/**
	 * Does nothing: a gate holds no resource of its own.
	 */
	@Override
	public void stop() {
	}

	/**
	 * Checks the infrastructure once: the gate's start, and its liveness check after the
	 * boot. Must honour interruption.
	 * @throws Exception a failure naming what was checked and what answered
	 */
	@Override
	public abstract void check() throws Exception;

}
