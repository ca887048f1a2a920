package dev.bandmaster.spring;

import java.util.List;
import java.util.stream.Collectors;

import dev.bandmaster.BandmasterException;

/**
 * Thrown when the band services cannot be booted: the dependency graph is invalid
 * (nothing was started), or a required service did not start (every service that had
 * started was stopped again). It fails the application context's startup, and a failure
 * analyzer turns it into a report.
 * <p>
 * Immutable.
 */
public class BandmasterStartupException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<BandmasterException> failures;

	/**
	 * Creates an exception.
	 * @param failures every error of the boot, required or not; at least one
	 */
	public BandmasterStartupException(List<BandmasterException> failures) {
		super(message(failures), failures.isEmpty() ? null : failures.get(0));
		this.failures = List.copyOf(failures);
	}

	private static String message(List<BandmasterException> failures) {
		return "BandMaster could not boot the application's services: "
				+ failures.stream().map(BandmasterException::getMessage).collect(Collectors.joining("; "));
	}

	/**
	 * Returns every error of the boot, in registration order.
	 * @return an unmodifiable list
	 */
	public List<BandmasterException> getFailures() {
		return this.failures;
	}

}
