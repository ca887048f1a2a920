package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Maestro} is told about one service: its name, whether it is
 * required, what it depends on, how its failures are retried, and how long each attempt
 * may take. Immutable; build one with {@link #builder(String, Service)}.
 *
 * @param name the unique name of the service
 * @param service the service itself
 * @param required whether the application needs it; carried to every
 * {@link BandmasterException} about it
 * @param dependencies the names of the services it depends on, in declaration order, each
 * once
 * @param retryPolicy how failed starts and stops are retried
 * @param startTimeout how long one start attempt may take before it is interrupted, or
 * {@code null} for no limit
 * @param stopTimeout how long one stop attempt may take before it is interrupted, or
 * {@code null} for no limit
 * @param restart what is done when the service is found failing after the boot
 * @param checkInterval how long after the boot, then after each check, its
 * {@link Service#check() check} runs, or {@code null} for never
 */
public record ServiceDefinition(String name, Service service, boolean required, List<String> dependencies,
		RetryPolicy retryPolicy, @Nullable Duration startTimeout, @Nullable Duration stopTimeout, Restart restart,
		@Nullable Duration checkInterval) {

	/**
	 * Checks the definition.
	 * @throws BandmasterException of kind {@link ErrorKind#SERVICE_DEPENDS_ON_ITSELF} or
	 * {@link ErrorKind#SERVICE_DUPLICATE_DEPENDENCY}
	 * @throws IllegalArgumentException for a blank name or dependency, or a timeout or
	 * check interval that is not positive
	 */
	public ServiceDefinition {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(service, "service must not be null");
		Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		Objects.requireNonNull(restart, "restart must not be null");
		if (checkInterval != null && (checkInterval.isNegative() || checkInterval.isZero())) {
			throw new IllegalArgumentException(
					"Service '" + name + "': check-interval must be a positive duration, but was " + checkInterval);
		}
		if (name.isBlank()) {
			throw new IllegalArgumentException("A service name must not be blank");
		}
		dependencies = List.copyOf(dependencies);
		Set<String> seen = new HashSet<>();
		for (String dependency : dependencies) {
			if (dependency.isBlank()) {
				throw new IllegalArgumentException("Service '" + name + "' names a blank dependency");
			}
			if (dependency.equals(name)) {
				throw BandmasterException.dependsOnItself(name, required);
			}
			if (!seen.add(dependency)) {
				throw BandmasterException.duplicateDependency(name, required, dependency);
			}
		}
		new Tuning(null, null, null, null, null, startTimeout, stopTimeout).requireValid("Service '" + name + "'");
	}

	/**
	 * Creates a definition that is never checked nor restarted after the boot
	 * ({@link Restart#NEVER}, no check interval), as every definition was before
	 * supervision.
	 * @param name the unique name of the service
	 * @param service the service itself
	 * @param required whether the application needs it
	 * @param dependencies the names of the services it depends on
	 * @param retryPolicy how failed starts and stops are retried
	 * @param startTimeout how long one start attempt may take, or {@code null}
	 * @param stopTimeout how long one stop attempt may take, or {@code null}
	 */
	public ServiceDefinition(String name, Service service, boolean required, List<String> dependencies,
			RetryPolicy retryPolicy, @Nullable Duration startTimeout, @Nullable Duration stopTimeout) {
		this(name, service, required, dependencies, retryPolicy, startTimeout, stopTimeout, Restart.NEVER, null);
	}

	/**
	 * Whether the maestro has anything to do with this service after the boot: it is
	 * checked, or restarted when it fails.
	 */
	boolean supervised() {
		return this.restart != Restart.NEVER || this.checkInterval != null;
	}

	/**
	 * Returns the definition's tuning, every value set.
	 * @return its retry policy's values and its timeouts
	 */
	public Tuning tuning() {
		return new Tuning(this.retryPolicy.retries(), this.retryPolicy.initialBackoff(), this.retryPolicy.multiplier(),
				this.retryPolicy.maxBackoff(), this.retryPolicy.jitter(), this.startTimeout, this.stopTimeout);
	}

	/**
	 * Starts a definition: required, no dependencies, a single attempt, no timeouts.
	 * @param name the unique name of the service
	 * @param service the service
	 * @return a builder
	 */
	public static Builder builder(String name, Service service) {
		return new Builder(name, service);
	}

	/**
	 * Builds a {@link ServiceDefinition}. Not thread-safe.
	 */
	public static final class Builder {

		/** A single attempt, no timeouts: the Go library's defaults. */
		private static final Tuning DEFAULTS = new Tuning(0, RetryPolicy.DEFAULT_INITIAL_BACKOFF,
				RetryPolicy.DEFAULT_MULTIPLIER, null, 0.0, null, null);

		private final String name;

		private final Service service;

		private boolean required = true;

		private final List<String> dependencies = new ArrayList<>();

		/** What was set, over {@link #DEFAULTS}. */
		private Tuning tuning = Tuning.NONE;

		private Restart restart = Restart.NEVER;

		private @Nullable Duration checkInterval;

		private Builder(String name, Service service) {
			this.name = name;
			this.service = service;
		}

		/**
		 * Sets whether the application needs the service (default {@code true}).
		 * @param required the flag
		 * @return this builder
		 */
		public Builder required(boolean required) {
			this.required = required;
			return this;
		}

		/**
		 * Adds dependencies.
		 * @param names the names of services this one depends on
		 * @return this builder
		 */
		public Builder dependsOn(String... names) {
			return dependsOn(List.of(names));
		}

		/**
		 * Adds dependencies.
		 * @param names the names of services this one depends on
		 * @return this builder
		 */
		public Builder dependsOn(Iterable<String> names) {
			names.forEach(this.dependencies::add);
			return this;
		}

		/**
		 * Sets how many times a failed attempt is tried again (default 0).
		 * @param retries zero or more
		 * @return this builder
		 */
		public Builder retries(int retries) {
			return tuning(new Tuning(retries, null, null, null, null, null, null));
		}

		/**
		 * Sets the wait before the first retry (default 100 ms).
		 * @param initialBackoff zero or more
		 * @return this builder
		 */
		public Builder initialBackoff(Duration initialBackoff) {
			return tuning(new Tuning(null, Objects.requireNonNull(initialBackoff, "initialBackoff must not be null"),
					null, null, null, null, null));
		}

		/**
		 * Sets by how much each wait grows over the previous one (default 2).
		 * @param multiplier at least 1
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			return tuning(new Tuning(null, null, multiplier, null, null, null, null));
		}

		/**
		 * Sets the longest wait between two attempts (default: no cap).
		 * @param maxBackoff positive, or {@code null} for no cap
		 * @return this builder
		 */
		public Builder maxBackoff(@Nullable Duration maxBackoff) {
			this.tuning = withMaxBackoff(this.tuning, maxBackoff);
			return this;
		}

		/**
		 * Sets the largest random fraction taken off each wait (default 0).
		 * @param jitter from 0 to 1
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			return tuning(new Tuning(null, null, null, null, jitter, null, null));
		}

		/**
		 * Sets the whole retry policy at once, replacing retries, backoffs, multiplier
		 * and jitter.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy policy) {
			tuning(new Tuning(policy.retries(), policy.initialBackoff(), policy.multiplier(), null, policy.jitter(),
					null, null));
			this.tuning = withMaxBackoff(this.tuning, policy.maxBackoff());
			return this;
		}

		/**
		 * Sets how long one start attempt may take before it is interrupted (default: no
		 * limit).
		 * @param startTimeout positive, or {@code null} for no limit
		 * @return this builder
		 */
		public Builder startTimeout(@Nullable Duration startTimeout) {
			this.tuning = new Tuning(this.tuning.retries(), this.tuning.initialBackoff(), this.tuning.multiplier(),
					this.tuning.maxBackoff(), this.tuning.jitter(), startTimeout, this.tuning.stopTimeout());
			return this;
		}

		/**
		 * Sets how long one stop attempt may take before it is interrupted (default: no
		 * limit).
		 * @param stopTimeout positive, or {@code null} for no limit
		 * @return this builder
		 */
		public Builder stopTimeout(@Nullable Duration stopTimeout) {
			this.tuning = new Tuning(this.tuning.retries(), this.tuning.initialBackoff(), this.tuning.multiplier(),
					this.tuning.maxBackoff(), this.tuning.jitter(), this.tuning.startTimeout(), stopTimeout);
			return this;
		}

		/**
		 * Sets what is done when the service is found failing after the boot (default
		 * {@link Restart#NEVER}).
		 * @param restart the setting
		 * @return this builder
		 */
		public Builder restart(Restart restart) {
			this.restart = Objects.requireNonNull(restart, "restart must not be null");
			return this;
		}

		/**
		 * Sets how often the service's {@link Service#check() check} runs once the boot
		 * is over (default: never).
		 * @param checkInterval positive, or {@code null} for never
		 * @return this builder
		 */
		public Builder checkInterval(@Nullable Duration checkInterval) {
			this.checkInterval = checkInterval;
			return this;
		}

		/**
		 * Builds the definition.
		 * @return the definition
		 * @throws IllegalArgumentException for a value out of range, naming it
		 * @throws BandmasterException for a service that depends on itself or names a
		 * dependency twice
		 */
		public ServiceDefinition build() {
			Tuning tuning = DEFAULTS.overriddenBy(this.tuning).requireValid("Service '" + this.name + "'");
			RetryPolicy policy = new RetryPolicy(tuning.retries(), tuning.initialBackoff(), tuning.multiplier(),
					tuning.maxBackoff(), tuning.jitter());
			return new ServiceDefinition(this.name, this.service, this.required, this.dependencies, policy,
					tuning.startTimeout(), tuning.stopTimeout(), this.restart, this.checkInterval);
		}

		/**
		 * Sets every value a tuning sets, over those set before; the others stay.
		 * @param tuning the values to set
		 * @return this builder
		 */
		public Builder tuning(Tuning tuning) {
			this.tuning = this.tuning.overriddenBy(Objects.requireNonNull(tuning, "tuning must not be null"));
			return this;
		}

		/**
		 * The max backoff is the one value a builder can set back to "none", which
		 * merging cannot express.
		 */
		private static Tuning withMaxBackoff(Tuning tuning, @Nullable Duration maxBackoff) {
			return new Tuning(tuning.retries(), tuning.initialBackoff(), tuning.multiplier(), maxBackoff,
					tuning.jitter(), tuning.startTimeout(), tuning.stopTimeout());
		}

	}

}
