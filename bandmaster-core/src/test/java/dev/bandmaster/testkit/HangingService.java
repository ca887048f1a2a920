package dev.bandmaster.testkit;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service whose first start attempts block until their thread is interrupted, and then
 * throw {@link InterruptedException}; later attempts succeed at once. Its stop succeeds
 * at once. Thread-safe.
 */
public final class HangingService implements Service {

	private final int hangingAttempts;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger interruptions = new AtomicInteger();

	private final CountDownLatch hanging = new CountDownLatch(1);

	/**
	 * Creates a service whose first {@code hangingAttempts} starts hang.
	 * @param hangingAttempts how many starts hang before one succeeds
	 */
	public HangingService(int hangingAttempts) {
		this.hangingAttempts = hangingAttempts;
	}

	/**
	 * Creates a service whose every start hangs until interrupted.
	 * @return the service
	 */
	public static HangingService forever() {
		return new HangingService(Integer.MAX_VALUE);
	}

	@Override
	public void start(Dependencies dependencies) throws InterruptedException {
		if (this.attempts.incrementAndGet() > this.hangingAttempts) {
			return;
		}
		this.hanging.countDown();
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			this.interruptions.incrementAndGet();
			throw ex;
		}
	}

	@Override
	public void stop() {
	}

	/**
	 * Waits until a start is hanging.
	 * @param timeout how long to wait, in milliseconds
	 * @return {@code true} once a start hangs, {@code false} on timeout
	 * @throws InterruptedException if the calling thread is interrupted
	 */
	public boolean awaitHanging(long timeout) throws InterruptedException {
		return this.hanging.await(timeout, TimeUnit.MILLISECONDS);
	}

	/**
	 * Tells how many times {@code start} was called.
	 * @return the count
	 */
	public int attempts() {
		return this.attempts.get();
	}

	/**
	 * Tells how many hanging starts were interrupted.
	 * @return the count
	 */
	public int interruptions() {
		return this.interruptions.get();
	}

}
