package dev.bandmaster.benchmarks.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

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
			Map<Long, Long> cpuBefore = threadCpuTimes();
			deployment.start();
			long started = System.nanoTime();
			long cpu = cpuSince(cpuBefore);
			long retained = usedHeapAfterGc() - heapBefore;
			long stopping = System.nanoTime();
			deployment.stop();
			long stopped = System.nanoTime();
			return new Measurement(deployed - began, started - deployed, cpu, stopped - stopping,
					this.threads.getPeakThreadCount(), retained);
		}
	}

	/**
	 * Returns the CPU time of each live thread, by id.
	 */
	private Map<Long, Long> threadCpuTimes() {
		Map<Long, Long> times = new HashMap<>();
		for (long id : this.threads.getAllThreadIds()) {
			long time = this.threads.getThreadCpuTime(id);
			if (time >= 0) {
				times.put(id, time);
			}
		}
		return times;
	}

	/**
	 * Returns the CPU time the Java threads used since {@code before} (threads that began
	 * since counted in full; threads that ended since, not at all): what the start cost
	 * the machine, which a neighbour's load hardly changes, where it stretches the wall
	 * time. The JVM's own threads (JIT, collector) are not Java threads.
	 */
	private long cpuSince(Map<Long, Long> before) {
		long used = 0;
		for (Map.Entry<Long, Long> thread : threadCpuTimes().entrySet()) {
			used += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return used;
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
