package dev.bandmaster.spring.autoconfigure.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bandmaster.observations.*} settings. Mutable, as configuration properties
 * are; bound once at startup.
 */
@ConfigurationProperties("bandmaster.observations")
public class BandmasterObservationProperties {

	/**
	 * Whether to observe the boot, the shutdown, each service's start and stop and each
	 * attempt with the application's ObservationRegistry (traces, and the
	 * bandmaster.service.start and bandmaster.service.stop timers).
	 */
	private boolean enabled = true;

	/**
	 * Returns whether the observations are on.
	 * @return {@code true} by default
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Switches the observations on or off.
	 * @param enabled whether they are on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
