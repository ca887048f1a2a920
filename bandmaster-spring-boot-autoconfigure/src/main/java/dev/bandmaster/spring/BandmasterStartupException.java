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

	private final List<String> heldBeans;

	/**
	 * Creates an exception.
	 * @param failures every error of the boot, required or not; at least one
	 */
	public BandmasterStartupException(List<BandmasterException> failures) {
		this(failures, List.of());
	}

	/**
	 * Creates an exception for a service started ahead of the creation of the beans it
	 * holds.
	 * @param failures every error of that start, required or not; at least one
	 * @param heldBeans the names of the beans that could not be created since the service
	 * did not start
	 */
	public BandmasterStartupException(List<BandmasterException> failures, List<String> heldBeans) {
		super(message(failures), failures.isEmpty() ? null : failures.get(0));
		this.failures = List.copyOf(failures);
		this.heldBeans = List.copyOf(heldBeans);
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

	/**
	 * Returns the beans that were not created because the service holding them did not
	 * start.
	 * @return the names of the beans, empty for a failure of the whole boot
	 */
	public List<String> getHeldBeans() {
		return this.heldBeans;
	}

}
