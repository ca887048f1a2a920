package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 */
public record BandmasterSettings(Mode mode, Duration startupTimeout, Duration shutdownTimeout, Tuning defaults,
		Map<String, ServiceSettings> services) {

	/**
	 * Copies {@code services}, keeping its order.
	 * @throws IllegalArgumentException if a timeout is zero or negative
	 */
	public BandmasterSettings {
		Objects.requireNonNull(mode, "mode");
		requirePositive(startupTimeout, "startupTimeout");
		requirePositive(shutdownTimeout, "shutdownTimeout");
		Objects.requireNonNull(defaults, "defaults");
		services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
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
	 * What the configuration sets for one band service, over its annotation or
	 * registration. Each value not set ({@code null}, or {@link Tuning#NONE}'s) leaves
	 * the annotation's or registration's.
	 * <p>
	 * Immutable, hence thread-safe.
	 *
	 * @param tuning its tuning
	 * @param required whether the application needs it
	 * @param dependsOn the names of the services it depends on, replacing those declared
	 * (dependencies inferred from injection remain)
	 * @param holds the names of the beans that are not created until it has started,
	 * replacing every bean its annotation or gate holds
	 */
	public record ServiceSettings(Tuning tuning, @Nullable Boolean required, @Nullable List<String> dependsOn,
			@Nullable List<String> holds) {

		/**
		 * Sets nothing.
		 */
		public static final ServiceSettings NONE = new ServiceSettings(Tuning.NONE, null, null, null);

		/**
		 * Copies the lists.
		 */
		public ServiceSettings {
			Objects.requireNonNull(tuning, "tuning");
			dependsOn = (dependsOn != null) ? List.copyOf(dependsOn) : null;
			holds = (holds != null) ? List.copyOf(holds) : null;
		}

		/**
		 * Returns these settings with the given tuning.
		 * @param tuning the tuning
		 * @return the settings
		 */
		public ServiceSettings withTuning(Tuning tuning) {
			return new ServiceSettings(tuning, this.required, this.dependsOn, this.holds);
		}

		/**
		 * Returns these settings with whether the service is required.
		 * @param required whether it is required
		 * @return the settings
		 */
		public ServiceSettings withRequired(boolean required) {
			return new ServiceSettings(this.tuning, required, this.dependsOn, this.holds);
		}

		/**
		 * Returns these settings with the names of the services it depends on.
		 * @param dependsOn the names
		 * @return the settings
		 */
		public ServiceSettings withDependsOn(List<String> dependsOn) {
			return new ServiceSettings(this.tuning, this.required, dependsOn, this.holds);
		}

		/**
		 * Returns these settings with the names of the beans it holds.
		 * @param holds the names
		 * @return the settings
		 */
		public ServiceSettings withHolds(List<String> holds) {
			return new ServiceSettings(this.tuning, this.required, this.dependsOn, holds);
		}

	}

}
