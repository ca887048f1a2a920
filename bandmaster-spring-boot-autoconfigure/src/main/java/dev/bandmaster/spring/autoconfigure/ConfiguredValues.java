package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;

import dev.bandmaster.spring.BandmasterConfigurationException;

/**
 * Checks of configured values that name the offending key, for BandMaster's
 * auto-configurations: not an API of its own.
 */
public final class ConfiguredValues {

	private ConfiguredValues() {
	}

	/**
	 * Checks that a configured duration is positive.
	 * @param where where it was set, such as {@code bandmaster.startup.timeout}
	 * @param value the duration
	 * @return the duration
	 * @throws BandmasterConfigurationException naming {@code where} when it is zero or
	 * negative
	 */
	public static Duration requirePositive(String where, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw invalid(where, value, "a positive duration");
		}
		return value;
	}

	/**
	 * Returns the error of a value out of range.
	 * @param where where it was set
	 * @param value the value
	 * @param expected what it must be, such as {@code zero or more}
	 * @return the error, naming {@code where}
	 */
	public static BandmasterConfigurationException invalid(String where, Object value, String expected) {
		return new BandmasterConfigurationException(where + " is " + value + ", but must be " + expected + ".",
				"Set " + where + " to " + expected + ", or remove it to use the default.");
	}

}
