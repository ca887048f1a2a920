package dev.bandmaster.benchmarks.workload;

/**
 * A workload that cannot be used: a malformed line, an unknown dependency, a loop or an
 * unknown generator spec. The message names the line (when there is one) and what is
 * wrong with it.
 */
public class WorkloadException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what is wrong, and where
	 */
	public WorkloadException(String message) {
		super(message);
	}

}
