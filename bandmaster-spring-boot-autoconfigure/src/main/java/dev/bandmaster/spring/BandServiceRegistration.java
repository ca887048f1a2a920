package dev.bandmaster.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.Service;

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
 * The tuning values ({@link #retries()}, {@link #initialBackoff()} and the rest) are the
 * registration's own defaults: {@code null} means "the value under
 * {@code bandmaster.defaults}", and {@code bandmaster.services.<name>} overrides any of
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
 * @param retries how many times a failed start or stop is tried again, or {@code null}
 * for the configured default
 * @param initialBackoff the wait before the first retry, or {@code null} for the
 * configured default
 * @param multiplier by how much each wait grows, or {@code null} for the configured
 * default
 * @param maxBackoff the longest wait, or {@code null} for the configured default
 * @param jitter the largest random fraction taken off each wait, or {@code null} for the
 * configured default
 * @param startTimeout how long one start attempt may take, or {@code null} for the
 * configured default
 * @param stopTimeout how long one stop attempt may take, or {@code null} for the
 * configured default
 */
public record BandServiceRegistration(String name, Service service, boolean required, List<String> dependsOn,
		@Nullable Integer retries, @Nullable Duration initialBackoff, @Nullable Double multiplier,
		@Nullable Duration maxBackoff, @Nullable Double jitter, @Nullable Duration startTimeout,
		@Nullable Duration stopTimeout) {

	/**
	 * Checks the name and copies the dependencies.
	 */
	public BandServiceRegistration {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(service, "service must not be null");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A band service name must not be blank");
		}
		dependsOn = List.copyOf(dependsOn);
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

		private @Nullable Integer retries;

		private @Nullable Duration initialBackoff;

		private @Nullable Double multiplier;

		private @Nullable Duration maxBackoff;

		private @Nullable Double jitter;

		private @Nullable Duration startTimeout;

		private @Nullable Duration stopTimeout;

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
		 * @param retries zero or more, or {@code null} for the configured default
		 * @return this builder
		 */
		public Builder retries(@Nullable Integer retries) {
			this.retries = retries;
			return this;
		}

		/**
		 * Sets the wait before the first retry.
		 * @param initialBackoff a positive duration, or {@code null} for the configured
		 * default
		 * @return this builder
		 */
		public Builder initialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
			return this;
		}

		/**
		 * Sets by how much each wait grows over the previous one.
		 * @param multiplier at least 1, or {@code null} for the configured default
		 * @return this builder
		 */
		public Builder multiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Sets the longest wait between two attempts.
		 * @param maxBackoff a positive duration, or {@code null} for the configured
		 * default
		 * @return this builder
		 */
		public Builder maxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
			return this;
		}

		/**
		 * Sets the largest random fraction taken off each wait.
		 * @param jitter from 0 to 1, or {@code null} for the configured default
		 * @return this builder
		 */
		public Builder jitter(@Nullable Double jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * Sets how long one start attempt may take before it is interrupted.
		 * @param startTimeout a positive duration, or {@code null} for the configured
		 * default
		 * @return this builder
		 */
		public Builder startTimeout(@Nullable Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		/**
		 * Sets how long one stop attempt may take before it is interrupted.
		 * @param stopTimeout a positive duration, or {@code null} for the configured
		 * default
		 * @return this builder
		 */
		public Builder stopTimeout(@Nullable Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		/**
		 * Builds the registration.
		 * @return the registration
		 */
		public BandServiceRegistration build() {
			return new BandServiceRegistration(this.name, this.service, this.required, this.dependsOn, this.retries,
					this.initialBackoff, this.multiplier, this.maxBackoff, this.jitter, this.startTimeout,
					this.stopTimeout);
		}

	}

}
