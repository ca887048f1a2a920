package dev.bandmaster.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service whose first attempts fail: the first {@code startFailures} calls of
 * {@code start} and the first {@code stopFailures} calls of {@code stop} throw a
 * {@link Failure}; later calls succeed. It records the {@link System#nanoTime()} of every
 * attempt, so a test can check the spacing of retries. Thread-safe.
 */
public final class FlakyService implements Service {

	private final int startFailures;

	private final int stopFailures;

	private final List<Long> startAttempts = new CopyOnWriteArrayList<>();

	private final List<Long> stopAttempts = new CopyOnWriteArrayList<>();

	private final AtomicInteger startCalls = new AtomicInteger();

	private final AtomicInteger stopCalls = new AtomicInteger();

	/**
	 * Creates a service whose first {@code startFailures} starts fail and whose stops
	 * always succeed.
	 * @param startFailures how many starts fail before one succeeds;
	 * {@link Integer#MAX_VALUE} for always
	 */
	public FlakyService(int startFailures) {
		this(startFailures, 0);
	}

	/**
	 * Creates a service whose first starts and first stops fail.
	 * @param startFailures how many starts fail before one succeeds;
	 * {@link Integer#MAX_VALUE} for always
	 * @param stopFailures how many stops fail before one succeeds;
	 * {@link Integer#MAX_VALUE} for always
	 */
	public FlakyService(int startFailures, int stopFailures) {
		this.startFailures = startFailures;
		this.stopFailures = stopFailures;
	}

	/**
	 * Creates a service whose starts always fail.
	 * @return the service
	 */
	public static FlakyService failingForever() {
		return new FlakyService(Integer.MAX_VALUE);
	}

	@Override
	public void start(Dependencies dependencies) throws Failure {
		this.startAttempts.add(System.nanoTime());
		int call = this.startCalls.incrementAndGet();
		if (call <= this.startFailures) {
			throw new Failure("start attempt " + call + " failed on purpose");
		}
	}

	@Override
	public void stop() throws Failure {
		this.stopAttempts.add(System.nanoTime());
		int call = this.stopCalls.incrementAndGet();
		if (call <= this.stopFailures) {
			throw new Failure("stop attempt " + call + " failed on purpose");
		}
	}

	/**
	 * Returns the {@link System#nanoTime()} of each {@code start} call, in order.
	 * @return a copy of the times
	 */
	public List<Long> startAttempts() {
		return List.copyOf(this.startAttempts);
	}

	/**
	 * Returns the {@link System#nanoTime()} of each {@code stop} call, in order.
	 * @return a copy of the times
	 */
	public List<Long> stopAttempts() {
		return List.copyOf(this.stopAttempts);
	}

	/**
	 * The error of an attempt that fails on purpose.
	 */
	public static final class Failure extends Exception {

		private static final long serialVersionUID = 1L;

		Failure(String message) {
			super(message);
		}

	}

}
