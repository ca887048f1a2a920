package dev.bandmaster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests the Java 17 workers' contract: a queued task never waits for a running one, so
 * tasks that block each other until all run complete, on any JVM.
 */
class DrainingExecutorTests {

	/** Loose: only there to fail rather than hang. */
	private static final long HANG_SECONDS = 30;

	private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
			new SynchronousQueue<>(), Workers.daemonThreads("draining-test-"));

	private final DrainingExecutor executor = new DrainingExecutor(this.pool);

	@AfterEach
	void shutDown() {
		this.executor.shutdownNow();
	}

	@Test
	void runsEveryTaskAtOnceWhenEachBlocksUntilAllRun() throws InterruptedException {
		int tasks = 64;
		CountDownLatch allRunning = new CountDownLatch(tasks);
		CountDownLatch done = new CountDownLatch(tasks);
		Set<Thread> threads = ConcurrentHashMap.newKeySet();
		for (int i = 0; i < tasks; i++) {
			this.executor.execute(() -> {
				threads.add(Thread.currentThread());
				allRunning.countDown();
				await(allRunning);
				done.countDown();
			});
		}
		assertThat(done.await(HANG_SECONDS, TimeUnit.SECONDS)).as("every task ran while the others blocked").isTrue();
		assertThat(threads).hasSize(tasks);
	}

	@Test
	void runsTasksQueuedBehindOneThatThrows() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch ran = new CountDownLatch(2);
		this.executor.execute(() -> {
			await(release);
			throw new IllegalStateException("boom");
		});
		this.executor.execute(() -> {
			release.countDown();
			ran.countDown();
		});
		this.executor.execute(() -> {
			await(release);
			ran.countDown();
		});
		assertThat(ran.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
		CountDownLatch after = new CountDownLatch(1);
		this.executor.execute(after::countDown);
		assertThat(after.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void runsWhatWasQueuedBeforeShutdownAndRefusesWhatComesAfter() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch ran = new CountDownLatch(3);
		List<Runnable> tasks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			tasks.add(() -> {
				await(release);
				ran.countDown();
			});
		}
		tasks.forEach(this.executor::execute);
		this.executor.shutdown();
		assertThatExceptionOfType(RejectedExecutionException.class)
			.isThrownBy(() -> this.executor.execute(ran::countDown));
		release.countDown();
		assertThat(ran.await(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(this.executor.awaitTermination(HANG_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(this.executor.isTerminated()).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(HANG_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Timed out waiting for the other tasks");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
