package dev.bandmaster;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How often, and how far apart, a failed start or stop is tried again: {@code retries}
 * more attempts after the first, waiting {@code initialBackoff} before the first retry,
 * then {@code multiplier} times longer before each next one, never longer than
 * {@code maxBackoff} when it is set. With {@code jitter} {@code j} (between 0 and 1),
 * each wait is shortened by a random fraction of at most {@code j}, so that services
 * failing together do not retry in lockstep.
 * <p>
 * Whatever the policy, a {@link VirtualMachineError} or a {@link LinkageError} thrown by
 * a start or stop is never retried: the failure is reported at once (see
 * {@link BandmasterException#fatal()}).
 * <p>
 * The defaults are the Go library's: no retry, a multiplier of 2, no jitter and no cap;
 * so {@code retries = 10, initialBackoff = 500ms} waits 500 ms, 1 s, 2 s, 4 s... between
 * attempts.
 *
 * @param retries how many times a failed attempt is tried again: zero or more
 * @param initialBackoff the wait before the first retry: zero or more
 * @param multiplier by how much each wait grows over the previous one: at least 1
 * @param maxBackoff the longest wait, or {@code null} for no cap
 * @param jitter the largest random fraction taken off each wait: from 0 to 1
 */
public record RetryPolicy(int retries, Duration initialBackoff, double multiplier, @Nullable Duration maxBackoff,
		double jitter) {

	/** The initial backoff used when none is given. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

	/** The multiplier used when none is given. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	private static final RetryPolicy NONE = new RetryPolicy(0, DEFAULT_INITIAL_BACKOFF, DEFAULT_MULTIPLIER, null, 0);

	/**
	 * Checks every component, by the rules of {@link Tuning#violations()}.
	 * @throws IllegalArgumentException naming the component that is out of range
	 */
	public RetryPolicy {
		Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		new Tuning(retries, initialBackoff, multiplier, maxBackoff, jitter, null, null).requireValid("Retry policy");
	}

	/**
	 * Returns the policy of a service registered without one: a single attempt.
	 * @return the default policy
	 */
	public static RetryPolicy none() {
		return NONE;
	}

	/**
	 * Returns a policy with the default multiplier, no cap and no jitter.
	 * @param retries how many times a failed attempt is tried again
	 * @param initialBackoff the wait before the first retry
	 * @return the policy
	 */
	public static RetryPolicy of(int retries, Duration initialBackoff) {
		return new RetryPolicy(retries, initialBackoff, DEFAULT_MULTIPLIER, null, 0);
	}

	/**
	 * Returns the wait before a retry, without jitter.
	 * @param retry which retry: 1 for the first (after the first attempt failed)
	 * @return {@code initialBackoff * multiplier^(retry - 1)}, capped by
	 * {@code maxBackoff}
	 */
	public Duration backoffBefore(int retry) {
		if (retry < 1) {
			throw new IllegalArgumentException("retry must be 1 or more, but was " + retry);
		}
		double nanos = Durations.saturatedNanos(this.initialBackoff) * Math.pow(this.multiplier, retry - 1);
		long capped = (nanos >= Long.MAX_VALUE) ? Long.MAX_VALUE : (long) nanos;
		if (this.maxBackoff != null) {
			capped = Math.min(capped, Durations.saturatedNanos(this.maxBackoff));
		}
		return Duration.ofNanos(capped);
	}

	/**
	 * Returns the wait before a retry, with jitter applied.
	 * @param retry which retry: 1 for the first
	 * @param random a number in {@code [0, 1)}, drawn by the caller
	 * @return {@link #backoffBefore(int)} shortened by {@code random * jitter} of itself
	 */
	Duration backoffBefore(int retry, double random) {
		Duration backoff = backoffBefore(retry);
		if (this.jitter == 0) {
			return backoff;
		}
		return Duration.ofNanos((long) (Durations.saturatedNanos(backoff) * (1.0 - this.jitter * random)));
	}

}
