package dev.bandmaster.benchmarks.contender;

/**
 * A workload built by one {@link Contender}, started and stopped once.
 */
public interface Deployment extends AutoCloseable {

	/**
	 * Starts every service, returning once all are started.
	 * @throws Exception if a service did not start
	 */
	void start() throws Exception;

	/**
	 * Stops every service, returning once all are stopped.
	 * @throws Exception if a service did not stop
	 */
	void stop() throws Exception;

	/**
	 * Releases whatever is left after a failed run; nothing after a clean
	 * {@link #stop()}.
	 */
	@Override
	default void close() {
	}

}
