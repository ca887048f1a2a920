package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dozens of threads calling {@code startAll}, {@code stopAll}, {@code serviceReady} and
 * {@code addService} at once never corrupt the maestro, and never run a service's start
 * or stop twice for one transition.
 */
class ConcurrencyTests extends BandTestSupport {

	private static final int THREADS = 32;

	private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);

	private final List<RecordingService> services = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutDownCallers() throws InterruptedException {
		this.callers.shutdownNow();
		this.callers.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void mixedConcurrentCallersNeverRunAStartOrStopTwice() throws Exception {
		addLayeredGraph();
		CyclicBarrier go = new CyclicBarrier(THREADS);
		AtomicInteger added = new AtomicInteger();
		List<String> unexpected = new CopyOnWriteArrayList<>();
		List<Future<?>> calls = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			long seed = t;
			calls.add(this.callers.submit(() -> {
				SplittableRandom random = new SplittableRandom(seed);
				go.await(10, TimeUnit.SECONDS);
				for (int i = 0; i < 15; i++) {
					switch (random.nextInt(7)) {
						case 0 -> expectNoErrors("startAll", this.maestro.startAll(), unexpected);
						case 1 -> expectNoErrors("stopAll", this.maestro.stopAll(), unexpected);
						case 2 -> expectNoErrors("startAll(timeout)", this.maestro.startAll(Duration.ofSeconds(60)),
								unexpected);
						case 3 -> this.maestro.serviceReady("s0-" + random.nextInt(10), Duration.ofMillis(2));
						case 4 ->
							expectOnlyTimeouts(this.maestro.startAll(Duration.ofMillis(random.nextInt(4))), unexpected);
						case 5 ->
							expectOnlyTimeouts(this.maestro.stopAll(Duration.ofMillis(random.nextInt(4))), unexpected);
						default -> {
							String name = "added" + added.incrementAndGet();
							add(name, "s" + random.nextInt(3) + "-" + random.nextInt(10));
						}
					}
					assertThat(this.maestro.state("s2-0")).isNotNull();
				}
				return null;
			}));
		}
		for (Future<?> call : calls) {
			call.get(60, TimeUnit.SECONDS);
		}
		assertThat(unexpected).isEmpty();
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(this.services).hasSize(30 + added.get()).allSatisfy((service) -> {
			// Deadlines cut some starts and stops short: whatever was called, was called
			// in turn.
			assertThat(service.violations()).as(service.name()).isEmpty();
			long started = this.timeline.count(service.name(), Timeline.Kind.STARTED);
			assertThat(started).as(service.name())
				.isPositive()
				.isEqualTo(this.timeline.count(service.name(), Timeline.Kind.STOPPED));
			assertThat(service.running()).as(service.name()).isFalse();
			assertThat(this.maestro.state(service.name())).isEqualTo(ServiceState.STOPPED);
		});
	}

	@Test
	void concurrentStartAllCallsStartEachServiceOnce() throws Exception {
		addLayeredGraph();
		runAllAtOnce(() -> expectEmpty(this.maestro.startAll()));
		assertThat(this.services).allSatisfy((service) -> {
			assertThat(service.starts()).isEqualTo(1);
			assertThat(service.violations()).isEmpty();
		});
		runAllAtOnce(() -> expectEmpty(this.maestro.stopAll()));
		assertThat(this.services).allSatisfy((service) -> {
			assertThat(service.stops()).isEqualTo(1);
			assertThat(service.violations()).isEmpty();
		});
	}

	@Test
	void concurrentRegistrationsOfOneNameLetExactlyOneIn() throws Exception {
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		runAllAtOnce(() -> {
			try {
				this.maestro.addService("same", true, new RecordingService("same", this.timeline));
				accepted.incrementAndGet();
			}
			catch (BandmasterException ex) {
				assertThat(ex.kind()).isEqualTo(ErrorKind.SERVICE_ALREADY_EXISTS);
				refused.incrementAndGet();
			}
		});
		assertThat(accepted).hasValue(1);
		assertThat(refused).hasValue(THREADS - 1);
		assertThat(this.maestro.services()).hasSize(1);
	}

	private void addLayeredGraph() {
		for (int layer = 0; layer < 3; layer++) {
			for (int i = 0; i < 10; i++) {
				String[] dependencies = (layer == 0) ? new String[0]
						: new String[] { "s" + (layer - 1) + "-" + i, "s" + (layer - 1) + "-" + ((i + 3) % 10) };
				add("s" + layer + "-" + i, dependencies).onStart(() -> Thread.sleep(0, 200_000))
					.onStop(() -> Thread.sleep(0, 200_000));
			}
		}
	}

	@Override
	protected RecordingService add(String name, String... dependencies) {
		RecordingService service = super.add(name, dependencies);
		this.services.add(service);
		return service;
	}

	private void runAllAtOnce(Runnable call) throws Exception {
		CyclicBarrier go = new CyclicBarrier(THREADS);
		List<Future<?>> calls = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			calls.add(this.callers.submit(() -> {
				go.await(10, TimeUnit.SECONDS);
				call.run();
				return null;
			}));
		}
		for (Future<?> future : calls) {
			future.get(60, TimeUnit.SECONDS);
		}
	}

	private static void expectEmpty(List<BandmasterException> errors) {
		assertThat(errors).isEmpty();
	}

	private static void expectOnlyTimeouts(List<BandmasterException> errors, List<String> unexpected) {
		errors.stream()
			.filter((error) -> !(error.getCause() instanceof TimeoutException))
			.forEach((error) -> unexpected.add("a call with a short deadline: " + error.getMessage()));
	}

	private static void expectNoErrors(String call, List<BandmasterException> errors, List<String> unexpected) {
		errors.forEach((error) -> unexpected.add(call + ": " + error.getMessage()));
	}

}
