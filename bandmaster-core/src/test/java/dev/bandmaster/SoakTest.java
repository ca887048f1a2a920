package dev.bandmaster;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand start/stop cycles of a few hundred services leave no thread and no memory
 * behind: the engine makes a pool per run and shuts it down.
 */
class SoakTest {

	private static final int CYCLES = 1000;

	private static final int LAYERS = 6;

	private static final int WIDTH = 50;

	/**
	 * Threads that may come and go meanwhile for reasons of their own (JIT, GC, the JUnit
	 * runner).
	 */
	private static final int THREAD_SLACK = 3;

	/**
	 * Heap that may be retained meanwhile for reasons of their own (JIT, class data,
	 * logging).
	 */
	private static final long MEMORY_SLACK = 8L * 1024 * 1024;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	@Test
	void leavesNoThreadAndNoMemoryGrowthAfterAThousandCycles() throws Exception {
		int size = LAYERS * WIDTH;
		AtomicIntegerArray running = new AtomicIntegerArray(size);
		LongAdder starts = new LongAdder();
		Maestro maestro = new Maestro();
		for (int index = 0; index < size; index++) {
			int layer = index / WIDTH;
			String[] dependencies = (layer == 0) ? new String[0] : new String[] {
					"s" + ((layer - 1) * WIDTH + index % WIDTH), "s" + ((layer - 1) * WIDTH + (index + 1) % WIDTH) };
			int own = index;
			maestro.addService("s" + index, true, new Service() {

				@Override
				public void start(Dependencies dependencies) {
					running.set(own, 1);
					starts.increment();
				}

				@Override
				public void stop() {
					running.set(own, 0);
				}

			}, dependencies);
		}
		// Warm up, so that lazily made process-wide threads (the timer) and classes count
		// in the baseline.
		cycle(maestro);
		int threadsBefore = settledThreadCount(Integer.MAX_VALUE);
		long heapBefore = usedHeapAfterGc();
		for (int i = 0; i < CYCLES; i++) {
			cycle(maestro);
		}
		assertThat(starts.sum()).isEqualTo((long) (CYCLES + 1) * size);
		for (int index = 0; index < size; index++) {
			assertThat(running.get(index)).isZero();
		}
		int threadsAfter = settledThreadCount(threadsBefore + THREAD_SLACK);
		assertThat(threadsAfter).as("live threads after %d cycles, %d before", CYCLES, threadsBefore)
			.isLessThanOrEqualTo(threadsBefore + THREAD_SLACK);
		long heapAfter = usedHeapAfterGc();
		assertThat(heapAfter).as("used heap after %d cycles, %d bytes before", CYCLES, heapBefore)
			.isLessThanOrEqualTo(heapBefore + MEMORY_SLACK);
	}

	private static void cycle(Maestro maestro) {
		assertThat(maestro.startAll()).isEmpty();
		assertThat(maestro.stopAll()).isEmpty();
	}

	/**
	 * Waits, at most two seconds, for pool threads of finished runs to exit, then counts
	 * live threads.
	 */
	private int settledThreadCount(int target) throws InterruptedException {
		// Shorter than the keep-alive of idle pool threads (5 s): only a pool that was
		// shut down empties in time.
		Pauses.awaitCondition(() -> this.threads.getThreadCount() <= target, Duration.ofSeconds(2));
		if (target == Integer.MAX_VALUE) {
			Thread.sleep(200);
		}
		return this.threads.getThreadCount();
	}

	private long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
		}
		return this.memory.getHeapMemoryUsage().getUsed();
	}

}
