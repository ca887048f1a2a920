package dev.bandmaster;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * Waits that engine tests use to stand for service or listener code: some ignore
 * interruption on purpose, as code slow to honour it does.
 */
final class Pauses {

	private Pauses() {
	}

	/** Sleeps for {@code duration}, ignoring interruption. */
	static void sleepUninterruptibly(Duration duration) {
		long until = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() - until < 0) {
			try {
				Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				// Ignored on purpose: this stands for code that does not honour
				// interruption at once.
			}
		}
	}

	/** Waits for {@code latch} to open, ignoring interruption. */
	static void awaitUninterruptibly(CountDownLatch latch) {
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				// Ignored on purpose: this stands for code that does not honour
				// interruption.
			}
		}
	}

	/**
	 * Waits until {@code condition} holds or {@code timeout} passes, for what happens
	 * after the call under test returned.
	 */
	static void awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
			Thread.sleep(5);
		}
	}

	/**
	 * Waits until {@code thread} is parked in a timed wait, that is, inside the blocking
	 * call under test rather than before or after it; at most ten seconds, a bound that
	 * only catches a thread that never gets there.
	 */
	static void awaitTimedWaiting(Thread thread) throws InterruptedException {
		awaitCondition(() -> thread.getState() == Thread.State.TIMED_WAITING, Duration.ofSeconds(10));
		if (thread.getState() != Thread.State.TIMED_WAITING) {
			throw new AssertionError(thread + " is " + thread.getState() + ", not waiting in the call under test");
		}
	}

}
