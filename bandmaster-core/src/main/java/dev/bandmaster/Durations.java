package dev.bandmaster;

import java.time.Duration;

/**
 * The one place where the engine turns a {@link Duration} into nanoseconds.
 * {@link Duration#toNanos()} throws {@link ArithmeticException} past about 292 years (say
 * {@code Duration.ofSeconds(Long.MAX_VALUE)}, a common way of writing "forever"); a throw
 * where a timer is scheduled, on a worker thread, would leave the service's outcome
 * unreported and its run waiting forever. So every conversion saturates instead: such a
 * duration counts as the longest one a {@code long} of nanoseconds holds, which no run
 * lives to see.
 */
final class Durations {

	private Durations() {
	}

	/**
	 * Converts a duration to nanoseconds, saturating instead of overflowing.
	 * @param duration any duration
	 * @return its nanoseconds, or {@link Long#MAX_VALUE} ({@link Long#MIN_VALUE} when
	 * negative) when they do not fit in a {@code long}
	 */
	static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	/**
	 * Returns the {@link System#nanoTime()} at which {@code timeout} from now ends, so
	 * that {@code deadline - System.nanoTime()} never overflows: a timeout beyond about
	 * 146 years (either way) counts as 146 years.
	 * @param timeout any duration
	 * @return the deadline
	 */
	static long deadlineAfter(Duration timeout) {
		long nanos = Math.max(Long.MIN_VALUE / 2, Math.min(Long.MAX_VALUE / 2, saturatedNanos(timeout)));
		return System.nanoTime() + nanos;
	}

}
