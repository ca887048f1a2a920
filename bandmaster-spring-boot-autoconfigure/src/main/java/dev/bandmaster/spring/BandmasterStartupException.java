package dev.bandmaster.spring;

import java.util.Collection;
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

	private final List<String> serviceNames;

	/**
	 * Creates an exception.
	 * @param failures every error of the boot, required or not; at least one
	 */
	public BandmasterStartupException(List<BandmasterException> failures) {
		this(failures, List.of());
	}

	private BandmasterStartupException(List<BandmasterException> failures, List<String> heldBeans,
			List<String> serviceNames) {
		super(message(failures), failures.isEmpty() ? null : failures.get(0));
		this.failures = List.copyOf(failures);
		this.heldBeans = List.copyOf(heldBeans);
		this.serviceNames = List.copyOf(serviceNames);
	}

	/**
	 * Creates an exception for a graph that cannot be booted: dependencies that no
	 * service provides, or loops. Nothing was started.
	 * @param problems the graph's problems; at least one
	 * @param serviceNames the names of every band service, to suggest one for a
	 * dependency that names none
	 * @return the exception
	 */
	public static BandmasterStartupException invalidGraph(List<BandmasterException> problems,
			Collection<String> serviceNames) {
		return new BandmasterStartupException(problems, List.of(), List.copyOf(serviceNames));
	}

	/**
	 * Creates an exception for a service started ahead of the creation of the beans it
	 * holds.
	 * @param failures every error of that start, required or not; at least one
	 * @param heldBeans the names of the beans that could not be created since the service
	 * did not start
	 */
	public BandmasterStartupException(List<BandmasterException> failures, List<String> heldBeans) {
		this(failures, heldBeans, List.of());
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

	/**
	 * Returns the names of every band service, for an invalid graph.
	 * @return the names, empty unless made by {@link #invalidGraph(List, Collection)}
	 */
	public List<String> getServiceNames() {
		return this.serviceNames;
	}

}
