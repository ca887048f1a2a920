package dev.bandmaster.spring.gate;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A {@link Service} whose start is a check that a piece of infrastructure answers, and
 * whose stop does nothing: the client it checks belongs to the application, which closes
 * it. A failed check throws, so the maestro retries it as the gate's retry policy says.
 * Thread-safe: a gate keeps no state between checks.
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
	 * Checks the infrastructure once. Must honour interruption.
	 * @throws Exception a failure naming what was checked and what answered
	 */
	protected abstract void check() throws Exception;

}
