package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.bandmaster.Restart;
import dev.bandmaster.spring.lifecycle.BandmasterSettings;
import dev.bandmaster.spring.lifecycle.BandmasterSettings.Mode;

/**
 * Configuration of BandMaster, under {@code bandmaster}. A value set for one service
 * under {@code bandmaster.services.<name>} wins over its annotation or registration,
 * which win over {@code bandmaster.defaults}. The auto-configuration maps them to the
 * {@link BandmasterSettings} that BandMaster runs with.
 * <p>
 * Not thread-safe: bound once, then only read.
 */
@ConfigurationProperties("bandmaster")
public class BandmasterProperties {

	/**
	 * Whether BandMaster boots the band services. When false, none of its beans is
	 * created.
	 */
	private boolean enabled = true;

	private final Startup startup = new Startup();

	private final Shutdown shutdown = new Shutdown();

	private final Supervision supervision = new Supervision();

	/**
	 * Settings applied to every band service, where neither its annotation or
	 * registration nor its own entry under 'bandmaster.services' sets them.
	 */
	private final Tuning defaults = new Tuning();

	/**
	 * Settings of individual band services, by service name; each name must be one of a
	 * band service.
	 */
	private final Map<String, ServiceProperties> services = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Supervision getSupervision() {
		return this.supervision;
	}

	public Tuning getDefaults() {
		return this.defaults;
	}

	public Map<String, ServiceProperties> getServices() {
		return this.services;
	}

	/**
	 * Startup settings.
	 */
	public static class Startup {

		/**
		 * Whether the context waits for the boot (blocking) or the boot runs in the
		 * background.
		 */
		private Mode mode = Mode.BLOCKING;

		/**
		 * How long the whole boot may take; services not started by then are reported as
		 * failed.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Shutdown settings.
	 */
	public static class Shutdown {

		/**
		 * How long stopping every band service may take.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * What supervision after the boot does to the application, beyond the services.
	 */
	public static class Supervision {

		/**
		 * Whether the application's readiness refuses traffic while a required band
		 * service is not running after the boot (failed, or being restarted), and accepts
		 * it again once every required service is back. Readiness refuses traffic until
		 * the required services have first come up, whatever this says.
		 */
		private boolean readiness = true;

		public boolean isReadiness() {
			return this.readiness;
		}

		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

	}

	/**
	 * How a service's failed starts and stops are retried, how long each attempt may
	 * take, and what is done when it fails after the boot. Every value is optional: one
	 * not set falls back to the next level (service, annotation or registration,
	 * defaults, and finally BandMaster's own default).
	 */
	public static class Tuning {

		/**
		 * Returns the engine's form of these settings.
		 * @return the values set here, {@code null} for the others
		 */
		public dev.bandmaster.Tuning toTuning() {
			return new dev.bandmaster.Tuning(this.retries, this.initialBackoff, this.multiplier, this.maxBackoff,
					this.jitter, this.startTimeout, this.stopTimeout);
		}

		/**
		 * How many times a failed start or stop is tried again. BandMaster's default is
		 * 0.
		 */
		private @Nullable Integer retries;

		/**
		 * Wait before the first retry. BandMaster's default is 100ms.
		 */
		private @Nullable Duration initialBackoff;

		/**
		 * By how much each wait grows over the previous one; at least 1. BandMaster's
		 * default is 2.
		 */
		private @Nullable Double multiplier;

		/**
		 * Longest wait between two attempts. BandMaster's default is no cap.
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Largest random fraction taken off each wait, from 0 to 1, so that services
		 * failing together do not retry in lockstep. BandMaster's default is 0.
		 */
		private @Nullable Double jitter;

		/**
		 * How long one start attempt may take before it is interrupted. BandMaster's
		 * default is no limit.
		 */
		private @Nullable Duration startTimeout;

		/**
		 * How long one stop attempt may take before it is interrupted. BandMaster's
		 * default is no limit.
		 */
		private @Nullable Duration stopTimeout;

		/**
		 * What is done when the service is found failing after the boot, by its check or
		 * a report: 'never' leaves it failed, its dependents stopped; 'on-failure' stops
		 * its dependents, restarts it with its backoff (without end, each wait capped by
		 * max-backoff or 30s), then restarts them. An optional service with 'on-failure'
		 * that failed during the boot keeps being tried. BandMaster's default is never.
		 */
		private @Nullable Restart restart;

		/**
		 * How often the service's check runs after the boot; positive. BandMaster's
		 * default is 10s with restart 'on-failure', and never checked otherwise.
		 */
		private @Nullable Duration checkInterval;

		public @Nullable Integer getRetries() {
			return this.retries;
		}

		public void setRetries(@Nullable Integer retries) {
			this.retries = retries;
		}

		public @Nullable Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public @Nullable Double getJitter() {
			return this.jitter;
		}

		public void setJitter(@Nullable Double jitter) {
			this.jitter = jitter;
		}

		public @Nullable Duration getStartTimeout() {
			return this.startTimeout;
		}

		public void setStartTimeout(@Nullable Duration startTimeout) {
			this.startTimeout = startTimeout;
		}

		public @Nullable Duration getStopTimeout() {
			return this.stopTimeout;
		}

		public void setStopTimeout(@Nullable Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
		}

		public @Nullable Restart getRestart() {
			return this.restart;
		}

		public void setRestart(@Nullable Restart restart) {
			this.restart = restart;
		}

		public @Nullable Duration getCheckInterval() {
			return this.checkInterval;
		}

		public void setCheckInterval(@Nullable Duration checkInterval) {
			this.checkInterval = checkInterval;
		}

	}

	/**
	 * Settings of one band service: its tuning, plus whether it is required and what it
	 * depends on.
	 */
	public static class ServiceProperties extends Tuning {

		/**
		 * Whether the application needs the service; overrides the annotation or
		 * registration.
		 */
		private @Nullable Boolean required;

		/**
		 * Names of the services it depends on; replaces those of the annotation or
		 * registration (dependencies inferred from injection remain).
		 */
		private @Nullable List<String> dependsOn;

		/**
		 * Names of the beans that are not created until the service has started, such as
		 * 'flywayInitializer' or 'entityManagerFactory'; replaces every bean the
		 * annotation or the gate holds (an empty value holds none).
		 */
		private @Nullable List<String> holds;

		public @Nullable Boolean getRequired() {
			return this.required;
		}

		public void setRequired(@Nullable Boolean required) {
			this.required = required;
		}

		public @Nullable List<String> getDependsOn() {
			return this.dependsOn;
		}

		public void setDependsOn(@Nullable List<String> dependsOn) {
			this.dependsOn = (dependsOn != null) ? new ArrayList<>(dependsOn) : null;
		}

		public @Nullable List<String> getHolds() {
			return this.holds;
		}

		public void setHolds(@Nullable List<String> holds) {
			this.holds = (holds != null) ? new ArrayList<>(holds) : null;
		}

	}

}
