package dev.bandmaster.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service that sleeps in its {@code start} and its {@code stop}, throwing
 * {@link InterruptedException} as soon as it is interrupted: a stand-in for a client that
 * takes a while to connect and to disconnect. Thread-safe.
 */
public final class SleepyService implements Service {

	private final Duration startSleep;

	private final Duration stopSleep;

	private final AtomicInteger starts = new AtomicInteger();

	private final AtomicInteger stops = new AtomicInteger();

	/**
	 * Creates a service that sleeps as long to start as to stop.
	 * @param sleep how long each call sleeps
	 */
	public SleepyService(Duration sleep) {
		this(sleep, sleep);
	}

	/**
	 * Creates a service that sleeps in each call.
	 * @param startSleep how long each start sleeps
	 * @param stopSleep how long each stop sleeps
	 */
	public SleepyService(Duration startSleep, Duration stopSleep) {
		this.startSleep = startSleep;
		this.stopSleep = stopSleep;
	}

	@Override
	public void start(Dependencies dependencies) throws InterruptedException {
		Thread.sleep(this.startSleep.toMillis());
		this.starts.incrementAndGet();
	}

	@Override
	public void stop() throws InterruptedException {
		Thread.sleep(this.stopSleep.toMillis());
		this.stops.incrementAndGet();
	}

	/**
	 * Tells how many starts completed.
	 * @return the count
	 */
	public int starts() {
		return this.starts.get();
	}

	/**
	 * Tells how many stops completed.
	 * @return the count
	 */
	public int stops() {
		return this.stops.get();
	}

}
