package dev.bandmaster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The process-wide maestro is swapped atomically: under contention no instance is lost or
 * handed out twice.
 */
class GlobalMaestroTests {

	private static final int THREADS = 32;

	private Maestro original;

	private ExecutorService pool;

	@BeforeEach
	void rememberTheGlobal() {
		this.original = Maestro.global();
		this.pool = Executors.newFixedThreadPool(THREADS);
	}

	@AfterEach
	void restoreTheGlobal() throws InterruptedException {
		Maestro.replaceGlobal(this.original);
		this.pool.shutdownNow();
		this.pool.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void returnsTheSameInstanceUntilReplaced() {
		Maestro replacement = new Maestro();
		assertThat(Maestro.global()).isSameAs(Maestro.global()).isNotNull();
		assertThat(Maestro.replaceGlobal(replacement)).isSameAs(this.original);
		assertThat(Maestro.global()).isSameAs(replacement);
		assertThatNullPointerException().isThrownBy(() -> Maestro.replaceGlobal(null));
		assertThat(Maestro.global()).isSameAs(replacement);
	}

	@Test
	void handsEveryInstanceBackExactlyOnceUnderContention() throws Exception {
		for (int round = 0; round < 50; round++) {
			Maestro initial = new Maestro();
			Maestro.replaceGlobal(initial);
			CyclicBarrier go = new CyclicBarrier(THREADS);
			List<Maestro> mine = new ArrayList<>();
			List<CompletableFuture<Maestro>> previous = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				Maestro replacement = new Maestro();
				mine.add(replacement);
				previous.add(CompletableFuture.supplyAsync(() -> {
					await(go);
					assertThat(Maestro.global()).isNotNull();
					return Maestro.replaceGlobal(replacement);
				}, this.pool));
			}
			Map<Maestro, Integer> seen = new IdentityHashMap<>();
			for (CompletableFuture<Maestro> future : previous) {
				seen.merge(future.get(10, TimeUnit.SECONDS), 1, Integer::sum);
			}
			seen.merge(Maestro.global(), 1, Integer::sum);
			Set<Maestro> expected = Collections.newSetFromMap(new IdentityHashMap<>());
			expected.add(initial);
			expected.addAll(mine);
			assertThat(seen.keySet()).as("round %d", round).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(seen.values()).as("round %d: each instance handed out once", round).containsOnly(1);
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
