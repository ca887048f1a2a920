package dev.bandmaster.benchmarks.runner;

import org.jspecify.annotations.Nullable;

/**
 * One line of the results: the medians of one contender's runs on one workload, or why it
 * did not run.
 *
 * @param workload the workload's name
 * @param contender the contender's name
 * @param services how many services the workload has
 * @param criticalPathMillis the workload's critical path
 * @param runs how many measured runs the medians are over; 0 when skipped
 * @param setupMillis median setup time
 * @param startMillis median start time
 * @param startCpuMillis median CPU time of the Java threads during the start
 * @param stopMillis median stop time
 * @param peakThreads median of the runs' peak platform thread counts
 * @param heapBytesPerService median retained heap divided by the number of services
 * @param skipped why the contender did not run, or {@code null} if it did
 */
public record ContenderResult(String workload, String contender, int services, long criticalPathMillis, int runs,
		double setupMillis, double startMillis, double startCpuMillis, double stopMillis, int peakThreads,
		long heapBytesPerService, @Nullable String skipped) {

	/**
	 * Returns how far the start is from the best any scheduler could do.
	 * @return start time over critical path, or {@code NaN} for a zero critical path or a
	 * skipped contender
	 */
	public double startOverCriticalPath() {
		return (this.skipped == null && this.criticalPathMillis > 0) ? this.startMillis / this.criticalPathMillis
				: Double.NaN;
	}

	/**
	 * Makes the line of a contender that did not run.
	 * @param workload the workload's name
	 * @param contender the contender's name
	 * @param services how many services the workload has
	 * @param criticalPathMillis its critical path
	 * @param reason why it did not run
	 * @return the line
	 */
	public static ContenderResult skipped(String workload, String contender, int services, long criticalPathMillis,
			String reason) {
		return new ContenderResult(workload, contender, services, criticalPathMillis, 0, Double.NaN, Double.NaN,
				Double.NaN, Double.NaN, 0, 0, reason);
	}

}
