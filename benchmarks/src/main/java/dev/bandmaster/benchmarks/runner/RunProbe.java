package dev.bandmaster.benchmarks.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

import dev.bandmaster.benchmarks.contender.Contender;
import dev.bandmaster.benchmarks.contender.Deployment;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * Measures one run of one contender: setup, start and stop times, peak platform threads
 * and retained heap. Full GCs are forced only outside the timed sections.
 */
final class RunProbe {

	private static final long SETTLE_NANOS = 2_000_000_000L;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	/**
	 * Live threads between runs, so each run starts after the previous run's threads are
	 * gone. Raised when threads outlive the settling time: those are for good
	 * (virtual-thread carriers, shared pools), not a run's.
	 */
	private int baselineThreads = this.threads.getThreadCount();

	Measurement measure(Contender contender, Workload workload) throws Exception {
		settleThreads();
		long heapBefore = usedHeapAfterGc();
		this.threads.resetPeakThreadCount();
		long began = System.nanoTime();
		try (Deployment deployment = contender.deploy(workload)) {
			long deployed = System.nanoTime();
			deployment.start();
			long started = System.nanoTime();
			long retained = usedHeapAfterGc() - heapBefore;
			long stopping = System.nanoTime();
			deployment.stop();
			long stopped = System.nanoTime();
			return new Measurement(deployed - began, started - deployed, stopped - stopping,
					this.threads.getPeakThreadCount(), retained);
		}
	}

	/**
	 * Waits, briefly, for the threads of the previous run (pools winding down) to end.
	 */
	private void settleThreads() throws InterruptedException {
		long deadline = System.nanoTime() + SETTLE_NANOS;
		while (this.threads.getThreadCount() > this.baselineThreads) {
			if (System.nanoTime() > deadline) {
				this.baselineThreads = this.threads.getThreadCount();
				return;
			}
			Thread.sleep(10);
		}
	}

	private long usedHeapAfterGc() {
		// Twice: the first collection may leave objects with finalizers or references for
		// the second.
		System.gc();
		System.gc();
		return this.memory.getHeapMemoryUsage().getUsed();
	}

}
