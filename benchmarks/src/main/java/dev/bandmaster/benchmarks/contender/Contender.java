package dev.bandmaster.benchmarks.contender;

import java.util.Optional;

import dev.bandmaster.benchmarks.workload.Workload;

/**
 * One way of booting a workload's services, measured side by side with the others. Adding
 * a contender is implementing this interface and listing it in {@link Contenders}.
 */
public interface Contender {

	/**
	 * Returns a short name, used in the tables and result files.
	 * @return a name without spaces
	 */
	String name();

	/**
	 * Tells why this contender does not run a workload, if it does not: a shape it cannot
	 * express, or a size it would take too long or too much memory for.
	 * @param workload the workload
	 * @return the reason, or empty when the contender runs it
	 */
	Optional<String> skipReason(Workload workload);

	/**
	 * Builds, without starting anything, the workload's services in this contender's
	 * form: bean definitions, registrations. Not part of the measured start time.
	 * @param workload the workload
	 * @return the deployment, ready to start
	 * @throws Exception if it cannot be built
	 */
	Deployment deploy(Workload workload) throws Exception;

}
