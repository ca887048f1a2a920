package dev.bandmaster.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.Restart;
import dev.bandmaster.Service;
import dev.bandmaster.Tuning;

/**
 * A band service registered programmatically, for a {@link Service} that is not itself a
 * {@link BandService @BandService} bean: every bean of this type is booted exactly like
 * an annotated bean, under {@link #name()}, and {@code bandmaster.services.<name>.*}
 * applies to it too. <pre class="code">
 * &#64;Bean
 * BandServiceRegistration searchIndex(SearchClient client) {
 *     return BandServiceRegistration.builder("search-index", new SearchIndexService(client))
 *         .dependsOn("catalog")
 *         .retries(5)
 *         .initialBackoff(Duration.ofMillis(500))
 *         .build();
 * }
 * </pre>
 * <p>
 * The {@link #tuning()} values (retries, initial backoff and the rest) are the
 * registration's own defaults: a value it does not set is the one under
 * {@code bandmaster.defaults}, and {@code bandmaster.services.<name>} overrides any of
 * them. They are checked when the context starts, like those of an annotation, and an
 * invalid one fails the startup naming the registration. As for annotated beans, the
 * registration depends on every band service bean that was injected to create it.
 * <p>
 * Immutable and thread-safe; {@link Builder} is not thread-safe.
 *
 * @param name the unique name of the service
 * @param service the service
 * @param required whether the application needs it
 * @param dependsOn the names of the services it depends on
 * @param tuning how its failures are retried and how long each attempt may take: the
 * values it sets over {@code bandmaster.defaults}
 * @param restart what is done when it is found failing after the boot, or {@code null}
 * for {@code bandmaster.defaults.restart}
 * @param checkInterval how often its check runs after the boot, or {@code null} for
 * {@code bandmaster.defaults.check-interval}
 */
public record BandServiceRegistration(String name, Service service, boolean required, List<String> dependsOn,
		Tuning tuning, @Nullable Restart restart, @Nullable Duration checkInterval) {

	/**
	 * Checks the name and copies the dependencies.
	 */
	public BandServiceRegistration {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(service, "service must not be null");
		Objects.requireNonNull(tuning, "tuning must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A band service name must not be blank");
		}
		dependsOn = List.copyOf(dependsOn);
	}

	/**
	 * Creates a registration whose supervision is the configured default's.
	 * @param name the unique name of the service
	 * @param service the service
	 * @param required whether the application needs it
	 * @param dependsOn the names of the services it depends on
	 * @param tuning the values it sets over {@code bandmaster.defaults}
	 */
	public BandServiceRegistration(String name, Service service, boolean required, List<String> dependsOn,
			Tuning tuning) {
		this(name, service, required, dependsOn, tuning, null, null);
	}

	/**
	 * Returns a required registration with no dependencies and the configured defaults.
	 * @param name the unique name of the service
	 * @param service the service
	 * @return the registration
	 */
	public static BandServiceRegistration of(String name, Service service) {
		return builder(name, service).build();
	}

	/**
	 * Starts a registration: required, no dependencies, the configured defaults.
	 * @param name the unique name of the service
	 * @param service the service
	 * @return a builder
	 */
	public static Builder builder(String name, Service service) {
		return new Builder(name, service);
	}

	/**
	 * Builds a {@link BandServiceRegistration}. Not thread-safe.
	 */
	public static final class Builder {

		private final String name;

		private final Service service;

		private boolean required = true;

		private final List<String> dependsOn = new ArrayList<>();

		private Tuning tuning = Tuning.NONE;

		private @Nullable Restart restart;

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
		 * @param names the names of the services this one depends on
		 * @return this builder
		 */
		public Builder dependsOn(String... names) {
			this.dependsOn.addAll(List.of(names));
			return this;
		}

		/**
		 * Sets how many times a failed start or stop is tried again.
		 * @param retries zero or more, or {@code null} to leave it as set before (by
		 * default, the configured default)
		 * @return this builder
		 */
		public Builder retries(@Nullable Integer retries) {
			return tuning(new Tuning(retries, null, null, null, null, null, null));
		}

		/**
		 * Sets the wait before the first retry.
		 * @param initialBackoff a positive duration, or {@code null} to leave it as set
		 * before (by default, the configured default)
		 * @return this builder
		 */
		public Builder initialBackoff(@Nullable Duration initialBackoff) {
			return tuning(new Tuning(null, initialBackoff, null, null, null, null, null));
		}

		/**
		 * Sets by how much each wait grows over the previous one.
		 * @param multiplier at least 1, or {@code null} to leave it as set before (by
		 * default, the configured default)
		 * @return this builder
		 */
		public Builder multiplier(@Nullable Double multiplier) {
			return tuning(new Tuning(null, null, multiplier, null, null, null, null));
		}

		/**
		 * Sets the longest wait between two attempts.
		 * @param maxBackoff a positive duration, or {@code null} to leave it as set
		 * before (by default, the configured default)
		 * @return this builder
		 */
		public Builder maxBackoff(@Nullable Duration maxBackoff) {
			return tuning(new Tuning(null, null, null, maxBackoff, null, null, null));
		}

		/**
		 * Sets the largest random fraction taken off each wait.
		 * @param jitter from 0 to 1, or {@code null} to leave it as set before (by
		 * default, the configured default)
		 * @return this builder
		 */
		public Builder jitter(@Nullable Double jitter) {
			return tuning(new Tuning(null, null, null, null, jitter, null, null));
		}

		/**
		 * Sets how long one start attempt may take before it is interrupted.
		 * @param startTimeout a positive duration, or {@code null} to leave it as set
		 * before (by default, the configured default)
		 * @return this builder
		 */
		public Builder startTimeout(@Nullable Duration startTimeout) {
			return tuning(new Tuning(null, null, null, null, null, startTimeout, null));
		}

		/**
		 * Sets how long one stop attempt may take before it is interrupted.
		 * @param stopTimeout a positive duration, or {@code null} to leave it as set
		 * before (by default, the configured default)
		 * @return this builder
		 */
		public Builder stopTimeout(@Nullable Duration stopTimeout) {
			return tuning(new Tuning(null, null, null, null, null, null, stopTimeout));
		}

		/**
		 * Sets every value a tuning sets, over those set before.
		 * @param tuning the values to set
		 * @return this builder
		 */
		public Builder tuning(Tuning tuning) {
			this.tuning = this.tuning.overriddenBy(Objects.requireNonNull(tuning, "tuning must not be null"));
			return this;
		}

		/**
		 * Sets what is done when the service is found failing after the boot.
		 * @param restart the restart, or {@code null} for the configured default
		 * @return this builder
		 */
		public Builder restart(@Nullable Restart restart) {
			this.restart = restart;
			return this;
		}

		/**
		 * Sets how often the service's check runs after the boot.
		 * @param checkInterval a positive duration, or {@code null} for the configured
		 * default
		 * @return this builder
		 */
		public Builder checkInterval(@Nullable Duration checkInterval) {
			this.checkInterval = checkInterval;
			return this;
		}

		/**
		 * Builds the registration.
		 * @return the registration
		 */
		public BandServiceRegistration build() {
			return new BandServiceRegistration(this.name, this.service, this.required, this.dependsOn, this.tuning,
					this.restart, this.checkInterval);
		}

	}

}
