package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.Restart;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.Tuning;

/**
 * What the {@link BandmasterLifecycle} and the band services' discovery are configured
 * with: how the context waits for the boot, how long the boot and the shutdown may take,
 * the tuning every band service falls back to, and what the configuration sets for
 * individual services. The auto-configuration maps them from the {@code bandmaster.*}
 * properties, having checked every value there, so that an error can name the key it was
 * set under; these settings hold checked values only.
 * <p>
 * Immutable, hence thread-safe.
 *
 * @param mode whether the context waits for the boot
 * @param startupTimeout how long the whole boot may take; positive
 * @param shutdownTimeout how long stopping every band service may take; positive
 * @param defaults the tuning of every band service where neither its annotation or
 * registration nor its own settings set a value
 * @param services what the configuration sets for individual services, by the key it was
 * set under: a service's name, or another form of it (such as {@code partnerfeed}, from
 * an environment variable, for {@code partner-feed}), in the order the keys were bound
 * @param supervisionDefaults the supervision of every band service where neither its
 * annotation or registration nor its own settings set a value
 */
public record BandmasterSettings(Mode mode, Duration startupTimeout, Duration shutdownTimeout, Tuning defaults,
		Map<String, ServiceSettings> services, Supervision supervisionDefaults) {

	/**
	 * Copies {@code services}, keeping its order.
	 * @throws IllegalArgumentException if a timeout is zero or negative
	 */
	public BandmasterSettings {
		Objects.requireNonNull(mode, "mode");
		requirePositive(startupTimeout, "startupTimeout");
		requirePositive(shutdownTimeout, "shutdownTimeout");
		Objects.requireNonNull(defaults, "defaults");
		Objects.requireNonNull(supervisionDefaults, "supervisionDefaults");
		services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
	}

	/**
	 * Creates settings that supervise no service unless its annotation, registration or
	 * own settings say so.
	 * @param mode whether the context waits for the boot
	 * @param startupTimeout how long the whole boot may take; positive
	 * @param shutdownTimeout how long stopping every band service may take; positive
	 * @param defaults the tuning of every band service where nothing else sets a value
	 * @param services what the configuration sets for individual services
	 */
	public BandmasterSettings(Mode mode, Duration startupTimeout, Duration shutdownTimeout, Tuning defaults,
			Map<String, ServiceSettings> services) {
		this(mode, startupTimeout, shutdownTimeout, defaults, services, Supervision.NONE);
	}

	private static void requirePositive(Duration timeout, String name) {
		if (timeout.isZero() || timeout.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, but is " + timeout);
		}
	}

	/**
	 * How the application context waits for the boot.
	 */
	public enum Mode {

		/**
		 * The context's startup waits for the boot; a required service that fails fails
		 * the startup.
		 */
		BLOCKING,

		/**
		 * The context starts at once and the boot runs in the background; the application
		 * stays not ready (readiness REFUSING_TRAFFIC) until every required service is
		 * up.
		 */
		BACKGROUND

	}

	/**
	 * What is done with a band service after the boot, at one level of configuration
	 * (defaults, annotation or registration, a service's own settings): each value
	 * {@code null} when that level does not set it. Levels are merged by precedence with
	 * {@link #overriddenBy(Supervision)}; {@link #applyTo(ServiceDefinition.Builder)}
	 * gives the engine the merged values, filling in what no level set.
	 * <p>
	 * Immutable, hence thread-safe.
	 *
	 * @param restart what is done when the service is found failing after the boot
	 * @param checkInterval how often its check runs after the boot; positive
	 */
	public record Supervision(@Nullable Restart restart, @Nullable Duration checkInterval) {

		/**
		 * A level that sets nothing.
		 */
		public static final Supervision NONE = new Supervision(null, null);

		/**
		 * How often a service with {@link Restart#ON_FAILURE} and no check interval set
		 * at any level is checked: 10 seconds, Kubernetes' default probe period. Without
		 * it, such a service would be restarted only when something reports its failure.
		 */
		public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(10);

		/**
		 * Checks the check interval.
		 * @throws IllegalArgumentException if the check interval is zero or negative
		 */
		public Supervision {
			if (checkInterval != null) {
				requirePositive(checkInterval, "checkInterval");
			}
		}

		/**
		 * Returns this level overridden by a higher one: each value the higher level sets
		 * wins.
		 * @param higher the level of higher precedence
		 * @return the merged supervision
		 */
		public Supervision overriddenBy(Supervision higher) {
			return new Supervision((higher.restart != null) ? higher.restart : this.restart,
					(higher.checkInterval != null) ? higher.checkInterval : this.checkInterval);
		}

		/**
		 * Sets these values on a service's definition: the restart, {@link Restart#NEVER}
		 * when none is set, and the check interval, {@link #DEFAULT_CHECK_INTERVAL} when
		 * none is set and the restart is {@link Restart#ON_FAILURE}, none otherwise.
		 * @param builder the definition's builder
		 * @return the builder
		 */
		public ServiceDefinition.Builder applyTo(ServiceDefinition.Builder builder) {
			Restart restart = (this.restart != null) ? this.restart : Restart.NEVER;
			Duration checkInterval = this.checkInterval;
			if (checkInterval == null && restart == Restart.ON_FAILURE) {
				checkInterval = DEFAULT_CHECK_INTERVAL;
			}
			return builder.restart(restart).checkInterval(checkInterval);
		}

	}

	/**
	 * What the configuration sets for one band service, over its annotation or
	 * registration. Each value not set ({@code null}, or {@link Tuning#NONE}'s and
	 * {@link Supervision#NONE}'s) leaves the annotation's or registration's.
	 * <p>
	 * Immutable, hence thread-safe.
	 *
	 * @param tuning its tuning
	 * @param required whether the application needs it
	 * @param dependsOn the names of the services it depends on, replacing those declared
	 * (dependencies inferred from injection remain)
	 * @param holds the names of the beans that are not created until it has started,
	 * replacing every bean its annotation or gate holds
	 * @param supervision what is done with it after the boot
	 */
	public record ServiceSettings(Tuning tuning, @Nullable Boolean required, @Nullable List<String> dependsOn,
			@Nullable List<String> holds, Supervision supervision) {

		/**
		 * Sets nothing.
		 */
		public static final ServiceSettings NONE = new ServiceSettings(Tuning.NONE, null, null, null);

		/**
		 * Copies the lists.
		 */
		public ServiceSettings {
			Objects.requireNonNull(tuning, "tuning");
			Objects.requireNonNull(supervision, "supervision");
			dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : null;
			holds = (holds != null) ? List.copyOf(holds) : null;
		}

		/**
		 * Creates settings that leave the supervision as the annotation or registration
		 * sets it.
		 * @param tuning its tuning
		 * @param required whether the application needs it
		 * @param dependsOn the names of the services it depends on
		 * @param holds the names of the beans it holds
		 */
		public ServiceSettings(Tuning tuning, @Nullable Boolean required, @Nullable List<String> dependsOn,
				@Nullable List<String> holds) {
			this(tuning, required, dependsOn, holds, Supervision.NONE);
		}

		/**
		 * Returns these settings with the given supervision.
		 * @param supervision the supervision
		 * @return the settings
		 */
		public ServiceSettings withSupervision(Supervision supervision) {
			return new ServiceSettings(this.tuning, this.required, this.dependsOn, this.holds, supervision);
		}

		/**
		 * Returns these settings with the given tuning.
		 * @param tuning the tuning
		 * @return the settings
		 */
		public ServiceSettings withTuning(Tuning tuning) {
			return new ServiceSettings(tuning, this.required, this.dependsOn, this.holds, this.supervision);
		}

		/**
		 * Returns these settings with whether the service is required.
		 * @param required whether it is required
		 * @return the settings
		 */
		public ServiceSettings withRequired(boolean required) {
			return new ServiceSettings(this.tuning, required, this.dependsOn, this.holds, this.supervision);
		}

		/**
		 * Returns these settings with the names of the services it depends on.
		 * @param dependsOn the names
		 * @return the settings
		 */
		public ServiceSettings withDependsOn(List<String> dependsOn) {
			return new ServiceSettings(this.tuning, this.required, dependsOn, this.holds, this.supervision);
		}

		/**
		 * Returns these settings with the names of the beans it holds.
		 * @param holds the names
		 * @return the settings
		 */
		public ServiceSettings withHolds(List<String> holds) {
			return new ServiceSettings(this.tuning, this.required, this.dependsOn, holds, this.supervision);
		}

	}

}
