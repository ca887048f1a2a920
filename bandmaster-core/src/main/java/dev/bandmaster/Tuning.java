package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The seven settings of how a service's failed starts and stops are retried and how long
 * each attempt may take, at one level of configuration: each {@code null} when that level
 * does not set it. Levels are merged by precedence with {@link #overriddenBy(Tuning)},
 * and every value is checked by {@link #violations()}, the one set of rules that
 * {@link RetryPolicy}, {@link ServiceDefinition} and the Spring starter all apply.
 * Immutable.
 * <p>
 * The settings, by the keys a configuration names them with:
 * <ul>
 * <li>{@code retries}: how many times a failed attempt is tried again; zero or more;</li>
 * <li>{@code initial-backoff}: the wait before the first retry; zero or more;</li>
 * <li>{@code multiplier}: by how much each wait grows; a finite number of at least
 * 1;</li>
 * <li>{@code max-backoff}: the longest wait; positive;</li>
 * <li>{@code jitter}: the largest random fraction taken off each wait; from 0 to 1;</li>
 * <li>{@code start-timeout} and {@code stop-timeout}: how long one start or stop attempt
 * may take before it is interrupted; positive.</li>
 * </ul>
 *
 * @param retries how many times a failed attempt is tried again
 * @param initialBackoff the wait before the first retry
 * @param multiplier by how much each wait grows
 * @param maxBackoff the longest wait
 * @param jitter the largest random fraction taken off each wait
 * @param startTimeout how long one start attempt may take
 * @param stopTimeout how long one stop attempt may take
 */
public record Tuning(@Nullable Integer retries, @Nullable Duration initialBackoff, @Nullable Double multiplier,
		@Nullable Duration maxBackoff, @Nullable Double jitter, @Nullable Duration startTimeout,
		@Nullable Duration stopTimeout) {

	/**
	 * A level that sets nothing.
	 */
	public static final Tuning NONE = new Tuning(null, null, null, null, null, null, null);

	/**
	 * Returns this level overridden by a higher one: each value the higher level sets
	 * wins.
	 * @param higher the level of higher precedence
	 * @return the merged tuning
	 */
	public Tuning overriddenBy(Tuning higher) {
		return new Tuning(pick(higher.retries, this.retries), pick(higher.initialBackoff, this.initialBackoff),
				pick(higher.multiplier, this.multiplier), pick(higher.maxBackoff, this.maxBackoff),
				pick(higher.jitter, this.jitter), pick(higher.startTimeout, this.startTimeout),
				pick(higher.stopTimeout, this.stopTimeout));
	}

	private static <T> @Nullable T pick(@Nullable T higher, @Nullable T lower) {
		return (higher != null) ? higher : lower;
	}

	/**
	 * Checks every value that is set.
	 * @return one violation per value out of range, in the order of the settings; empty
	 * when every value is valid
	 */
	public List<Violation> violations() {
		List<Violation> violations = new ArrayList<>();
		if (this.retries != null && this.retries < 0) {
			violations.add(new Violation("retries", this.retries, "zero or more"));
		}
		if (this.initialBackoff != null && this.initialBackoff.isNegative()) {
			violations.add(new Violation("initial-backoff", this.initialBackoff, "a duration of zero or more"));
		}
		if (this.multiplier != null && !(this.multiplier >= 1.0 && Double.isFinite(this.multiplier))) {
			violations.add(new Violation("multiplier", this.multiplier, "a finite number of at least 1"));
		}
		checkPositive(violations, "max-backoff", this.maxBackoff);
		if (this.jitter != null && !(this.jitter >= 0.0 && this.jitter <= 1.0)) {
			violations.add(new Violation("jitter", this.jitter, "a number from 0 to 1"));
		}
		checkPositive(violations, "start-timeout", this.startTimeout);
		checkPositive(violations, "stop-timeout", this.stopTimeout);
		return violations;
	}

	private static void checkPositive(List<Violation> violations, String key, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			violations.add(new Violation(key, value, "a positive duration"));
		}
	}

	/**
	 * Checks every value that is set.
	 * @param owner what the tuning is of, for the message, such as
	 * {@code Service 'cache'}
	 * @return this tuning
	 * @throws IllegalArgumentException naming the first value out of range
	 */
	Tuning requireValid(String owner) {
		List<Violation> violations = violations();
		if (!violations.isEmpty()) {
			Violation first = violations.get(0);
			throw new IllegalArgumentException(
					owner + ": " + first.key() + " must be " + first.expected() + ", but was " + first.value());
		}
		return this;
	}

	/**
	 * A value out of range.
	 *
	 * @param key the setting's key, such as {@code initial-backoff}
	 * @param value the value
	 * @param expected what it must be, such as {@code zero or more}
	 */
	public record Violation(String key, Object value, String expected) {

	}

}
