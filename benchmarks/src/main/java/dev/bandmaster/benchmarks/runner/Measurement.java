package dev.bandmaster.benchmarks.runner;

/**
 * What one run of one contender measured.
 *
 * @param setupNanos building the services (definitions, registrations), before the start
 * @param startNanos the start, from the call until every service is started
 * @param startCpuNanos CPU time the Java threads used during the start (the JIT's and the
 * collector's are not Java threads): what the start costs the machine, which a
 * neighbour's load hardly changes, where it stretches the wall time
 * @param stopNanos the stop, from the call until every service is stopped
 * @param peakThreads the most live platform threads at once during the run (virtual
 * threads are not counted)
 * @param retainedHeapBytes heap in use once started, less heap in use before the setup,
 * both after a full GC
 */
public record Measurement(long setupNanos, long startNanos, long startCpuNanos, long stopNanos, int peakThreads,
		long retainedHeapBytes) {

}
