package dev.bandmaster;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One process-wide daemon thread that fires backoff delays and attempt timeouts. Its
 * tasks only hand work to a run's workers or interrupt an attempt; no service code ever
 * runs on it, so one thread serves every maestro and no waiting thread is parked per
 * service.
 */
final class Timers {

	private static final ScheduledThreadPoolExecutor TIMER = createTimer();

	private Timers() {
	}

	/**
	 * Runs {@code task} once {@code delay} has passed; a delay too long to count in
	 * nanoseconds is {@linkplain Durations#saturatedNanos saturated}, so it never fires.
	 */
	static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		return TIMER.schedule(task, Durations.saturatedNanos(delay), TimeUnit.NANOSECONDS);
	}

	private static ScheduledThreadPoolExecutor createTimer() {
		ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
				Workers.daemonThreads("bandmaster-timer-"));
		timer.setRemoveOnCancelPolicy(true);
		return timer;
	}

}
