package dev.bandmaster.spring;

import java.time.Duration;
import java.util.List;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;

/**
 * Published once the boot of every band service is over, successful or not: in blocking
 * mode before the application context finishes starting, in background mode from the
 * boot's own thread. Not published for a boot that the application's shutdown cut short.
 */
public class BootCompletedEvent extends BandmasterEvent {

	private static final long serialVersionUID = 1L;

	private final Duration duration;

	private final List<BandmasterException> failures;

	/**
	 * Creates an event.
	 * @param maestro the maestro that ran the boot
	 * @param duration how long the boot took
	 * @param failures every service that did not start, required or not
	 */
	public BootCompletedEvent(Maestro maestro, Duration duration, List<BandmasterException> failures) {
		super(maestro, null);
		this.duration = duration;
		this.failures = List.copyOf(failures);
	}

	/**
	 * Returns how long the boot took.
	 * @return the duration
	 */
	public Duration getDuration() {
		return this.duration;
	}

	/**
	 * Returns every service that did not start.
	 * @return an unmodifiable list, empty when every service started
	 */
	public List<BandmasterException> getFailures() {
		return this.failures;
	}

	/**
	 * Tells whether every required service started.
	 * @return {@code true} when no failure is about a required service
	 */
	public boolean isSuccessful() {
		return this.failures.stream().noneMatch(BandmasterException::required);
	}

}
