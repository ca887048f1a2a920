package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

import dev.bandmaster.Restart;
import dev.bandmaster.Tuning;
import dev.bandmaster.spring.BandmasterConfigurationException;

/**
 * Checks of configured values that name the offending key, for BandMaster's
 * auto-configurations: not an API of its own.
 */
public final class ConfiguredValues {

	private static final List<ChronoUnit> WRITTEN_UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS);

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
	 * Checks every value a tuning sets, by the engine's rules
	 * ({@link Tuning#violations()}).
	 * @param tuning the tuning
	 * @param where turns a setting's key ({@code retries}, {@code initial-backoff}...)
	 * into where it was set, such as {@code bandmaster.services.cache.retries}
	 * @return the tuning
	 * @throws BandmasterConfigurationException naming the first value out of range
	 */
	public static Tuning requireValid(Tuning tuning, UnaryOperator<String> where) {
		List<Tuning.Violation> violations = tuning.violations();
		if (!violations.isEmpty()) {
			Tuning.Violation first = violations.get(0);
			throw invalid(where.apply(first.key()), first.value(), first.expected());
		}
		return tuning;
	}

	/**
	 * Returns one level's supervision, its check interval checked to be positive: the one
	 * rule for {@code bandmaster.*}, {@code @BandService} and
	 * {@code BandServiceRegistration} alike.
	 * @param restart the restart that level sets, if any
	 * @param checkInterval the check interval it sets, if any
	 * @param where turns a setting's key ({@code check-interval}) into where it was set,
	 * such as {@code bandmaster.services.cache.check-interval}
	 * @return the level's supervision
	 * @throws BandmasterConfigurationException naming where the check interval was set
	 * when it is zero or negative
	 */
	public static BandmasterSettings.Supervision supervision(@Nullable Restart restart,
			@Nullable Duration checkInterval, UnaryOperator<String> where) {
		if (checkInterval != null) {
			requirePositive(where.apply("check-interval"), checkInterval);
		}
		return new BandmasterSettings.Supervision(restart, checkInterval);
	}

	/**
	 * Returns the error of a value out of range.
	 * @param where where it was set
	 * @param value the value
	 * @param expected what it must be, such as {@code zero or more}
	 * @return the error, naming {@code where}
	 */
	public static BandmasterConfigurationException invalid(String where, Object value, String expected) {
		String shown = (value instanceof Duration duration) ? asWritten(duration) : String.valueOf(value);
		return new BandmasterConfigurationException(where + " is " + shown + ", but must be " + expected + ".",
				"Set " + where + " to " + expected + ", or remove it to use the default.");
	}

	/**
	 * Returns a duration as a user writes it in configuration, {@code 0s} or
	 * {@code -1500ms} rather than {@code PT0S} or {@code PT-1.5S}: in the largest unit
	 * that holds it exactly.
	 */
	public static String asWritten(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		try {
			long nanos = duration.toNanos();
			for (ChronoUnit unit : WRITTEN_UNITS) {
				if (nanos % unit.getDuration().toNanos() == 0) {
					return DurationStyle.SIMPLE.print(duration, unit);
				}
			}
			return DurationStyle.SIMPLE.print(duration, ChronoUnit.NANOS);
		}
		catch (ArithmeticException ex) {
			// Past about 292 years no unit but ISO-8601 holds it.
			return duration.toString();
		}
	}

}
