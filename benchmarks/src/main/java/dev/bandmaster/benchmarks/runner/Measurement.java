package dev.bandmaster.benchmarks.runner;

/**
 * What one run of one contender measured.
 *
 * @param setupNanos building the services (definitions, registrations), before the start
 * @param startNanos the start, from the call until every service is started
 * @param stopNanos the stop, from the call until every service is stopped
 * @param peakThreads the most live platform threads at once during the run (virtual
 * threads are not counted)
 * @param retainedHeapBytes heap in use once started, less heap in use before the setup,
 * both after a full GC
 */
public record Measurement(long setupNanos, long startNanos, long stopNanos, int peakThreads, long retainedHeapBytes) {

}
