package dev.bandmaster;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand start/stop cycles of a few hundred services leave no thread and no memory
 * behind: the engine makes a pool per run and shuts it down. A leak is told by its trend,
 * not by a fixed slack (which would depend on the JVM): the used heap must not grow
 * steadily from the second third of the cycles to the last, and none of the engine's
 * worker threads may outlive the cycles.
 */
// A hang catcher, far above the few seconds the cycles take on two busy cores: the
// default timeout of junit-platform.properties is for tests whose work is small.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SoakTests {

	private static final int CYCLES = 1000;

	private static final int LAYERS = 6;

	private static final int WIDTH = 50;

	/** Heap samples in each of the last two thirds of the cycles. */
	private static final int SAMPLES_PER_THIRD = 8;

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
		int third = CYCLES / 3;
		int every = third / SAMPLES_PER_THIRD;
		// Primitive arrays made beforehand: taking a sample allocates nothing that stays.
		long[] secondThird = new long[SAMPLES_PER_THIRD];
		long[] lastThird = new long[SAMPLES_PER_THIRD];
		int inSecond = 0;
		int inLast = 0;
		for (int i = 1; i <= CYCLES; i++) {
			cycle(maestro);
			if (i % every == 0 && i > third && i <= 2 * third && inSecond < SAMPLES_PER_THIRD) {
				secondThird[inSecond++] = usedHeapAfterGc();
			}
			else if (i % every == 0 && i > CYCLES - third && inLast < SAMPLES_PER_THIRD) {
				lastThird[inLast++] = usedHeapAfterGc();
			}
		}
		assertThat(starts.sum()).isEqualTo((long) CYCLES * size);
		for (int index = 0; index < size; index++) {
			assertThat(running.get(index)).isZero();
		}
		assertThat(inLast).isEqualTo(SAMPLES_PER_THIRD);
		assertThat(growsCycleAfterCycle(secondThird, lastThird))
			.as("the used heap grows cycle after cycle: second third of the cycles %s, last third %s",
					Arrays.toString(secondThird), Arrays.toString(lastThird))
			.isFalse();
		// Within two seconds, less than the 5 s keep-alive of idle pool threads: only a
		// pool that was shut down empties in time.
		Pauses.awaitCondition(() -> workerThreads().isEmpty(), Duration.ofSeconds(2));
		assertThat(workerThreads()).as("the engine's worker threads alive after %d cycles", CYCLES).isEmpty();
	}

	/**
	 * Tells a leak from the heap's other moves. Without a leak the samples scatter around
	 * one level, so some of the last third are no higher than some of the second (all
	 * eight of one above all eight of the other happens by chance once in 12,870 runs),
	 * or stay level but for a one-off step (a class initialised late). A leak lifts the
	 * last third above the second and grows the heap between most consecutive samples.
	 */
	private static boolean growsCycleAfterCycle(long[] secondThird, long[] lastThird) {
		boolean lastAboveSecond = LongStream.of(lastThird).min().orElseThrow() > LongStream.of(secondThird)
			.max()
			.orElseThrow();
		long[] samples = LongStream.concat(LongStream.of(secondThird), LongStream.of(lastThird)).toArray();
		int grew = 0;
		for (int i = 1; i < samples.length; i++) {
			grew += (samples[i] > samples[i - 1]) ? 1 : 0;
		}
		return lastAboveSecond && grew * 4 >= (samples.length - 1) * 3;
	}

	private static void cycle(Maestro maestro) {
		assertThat(maestro.startAll()).isEmpty();
		assertThat(maestro.stopAll()).isEmpty();
	}

	/** The live threads of the engine's per-run pools (the process-wide timer aside). */
	private static List<String> workerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("bandmaster-") && name.contains("-worker-"))
			.toList();
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
