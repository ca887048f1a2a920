package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;

/**
 * One level of a service's tuning (configured defaults, annotation or registration,
 * per-service configuration): each value {@code null} when that level does not set it.
 * Immutable.
 *
 * @param retries how many times a failed attempt is tried again
 * @param initialBackoff the wait before the first retry
 * @param multiplier by how much each wait grows
 * @param maxBackoff the longest wait
 * @param jitter the largest random fraction taken off each wait
 * @param startTimeout how long one start attempt may take
 * @param stopTimeout how long one stop attempt may take
 */
record ServiceTuning(@Nullable Integer retries, @Nullable Duration initialBackoff, @Nullable Double multiplier,
		@Nullable Duration maxBackoff, @Nullable Double jitter, @Nullable Duration startTimeout,
		@Nullable Duration stopTimeout) {

	/**
	 * A level that sets nothing.
	 */
	static final ServiceTuning NONE = new ServiceTuning(null, null, null, null, null, null, null);

	static ServiceTuning of(BandmasterProperties.Tuning properties) {
		return new ServiceTuning(properties.getRetries(), properties.getInitialBackoff(), properties.getMultiplier(),
				properties.getMaxBackoff(), properties.getJitter(), properties.getStartTimeout(),
				properties.getStopTimeout());
	}

	static ServiceTuning of(BandServiceRegistration registration) {
		return new ServiceTuning(registration.retries(), registration.initialBackoff(), registration.multiplier(),
				registration.maxBackoff(), registration.jitter(), registration.startTimeout(),
				registration.stopTimeout());
	}

	/**
	 * Returns this level overridden by a higher one: each value the higher level sets
	 * wins.
	 */
	ServiceTuning overriddenBy(ServiceTuning higher) {
		return new ServiceTuning(pick(higher.retries, this.retries), pick(higher.initialBackoff, this.initialBackoff),
				pick(higher.multiplier, this.multiplier), pick(higher.maxBackoff, this.maxBackoff),
				pick(higher.jitter, this.jitter), pick(higher.startTimeout, this.startTimeout),
				pick(higher.stopTimeout, this.stopTimeout));
	}

	private static <T> @Nullable T pick(@Nullable T higher, @Nullable T lower) {
		return (higher != null) ? higher : lower;
	}

	/**
	 * Checks every value that is set.
	 * @param locator turns a key ({@code retries}, {@code initial-backoff}...) into where
	 * the value was set, such as {@code bandmaster.services.cache.retries}
	 * @return this tuning
	 * @throws BandmasterConfigurationException naming the first value out of range
	 */
	ServiceTuning check(UnaryOperator<String> locator) {
		if (this.retries != null && this.retries < 0) {
			throw ConfiguredValues.invalid(locator.apply("retries"), this.retries, "zero or more");
		}
		checkPositive(locator, "initial-backoff", this.initialBackoff);
		if (this.multiplier != null && !(this.multiplier >= 1.0 && Double.isFinite(this.multiplier))) {
			throw ConfiguredValues.invalid(locator.apply("multiplier"), this.multiplier, "a number of at least 1");
		}
		checkPositive(locator, "max-backoff", this.maxBackoff);
		if (this.jitter != null && !(this.jitter >= 0.0 && this.jitter <= 1.0)) {
			throw ConfiguredValues.invalid(locator.apply("jitter"), this.jitter, "a number from 0 to 1");
		}
		checkPositive(locator, "start-timeout", this.startTimeout);
		checkPositive(locator, "stop-timeout", this.stopTimeout);
		return this;
	}

	private static void checkPositive(UnaryOperator<String> locator, String key, @Nullable Duration value) {
		if (value != null) {
			ConfiguredValues.requirePositive(locator.apply(key), value);
		}
	}

	/**
	 * Applies every value that is set to a definition; the builder's own defaults stay
	 * for the others.
	 */
	void applyTo(ServiceDefinition.Builder builder) {
		if (this.retries != null) {
			builder.retries(this.retries);
		}
		if (this.initialBackoff != null) {
			builder.initialBackoff(this.initialBackoff);
		}
		if (this.multiplier != null) {
			builder.multiplier(this.multiplier);
		}
		if (this.maxBackoff != null) {
			builder.maxBackoff(this.maxBackoff);
		}
		if (this.jitter != null) {
			builder.jitter(this.jitter);
		}
		if (this.startTimeout != null) {
			builder.startTimeout(this.startTimeout);
		}
		if (this.stopTimeout != null) {
			builder.stopTimeout(this.stopTimeout);
		}
	}

}
