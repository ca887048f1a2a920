package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import org.junit.jupiter.api.Test;

import static dev.bandmaster.Pauses.awaitCondition;
import static dev.bandmaster.Pauses.sleepUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link MaestroListener} sees every transition of every service, and one that throws
 * breaks nothing.
 */
class ListenerTests {

	private final EventListener listener = new EventListener();

	@Test
	void seesEveryStartTransition() {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		maestro.addServiceWithBackoff("flaky", true, 1, Duration.ofMillis(10), new FlakyService(1));
		maestro.addService("broken", false, FlakyService.failingForever());
		maestro.addService("skipped", true, new RecordingService("skipped"), "broken");
		maestro.addService("fine", true, new RecordingService("fine"));
		maestro.startAll();
		assertThat(this.listener.of("flaky")).containsExactly("starting",
				"retryScheduled STARTING attempt=1 delay=PT0.01S Failure", "started attempts=2");
		assertThat(this.listener.of("broken")).containsExactly("starting", "startFailed SERVICE_START_FAILURE");
		assertThat(this.listener.of("skipped")).containsExactly("startFailed DEPENDENCY_UNAVAILABLE");
		assertThat(this.listener.of("fine")).containsExactly("starting", "started attempts=1");
		assertThat(this.listener.startedDurations.get("flaky")).isGreaterThanOrEqualTo(Duration.ofMillis(9));
	}

	@Test
	void seesEveryStopTransition() {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		maestro.addService("base", true, new RecordingService("base"));
		maestro.addServiceWithBackoff("flakyStop", true, 1, Duration.ZERO, new FlakyService(0, 1), "base");
		maestro.addService("brokenStop", true, new FlakyService(0, Integer.MAX_VALUE), "base");
		maestro.addService("fine", true, new RecordingService("fine"));
		maestro.startAll();
		this.listener.events.clear();
		maestro.stopAll();
		assertThat(this.listener.of("flakyStop")).containsExactly("stopping",
				"retryScheduled STOPPING attempt=1 delay=PT0S Failure", "stopped");
		assertThat(this.listener.of("brokenStop")).containsExactly("stopping", "stopFailed SERVICE_STOP_FAILURE");
		assertThat(this.listener.of("base")).containsExactly("stopFailed PARENT_UNAVAILABLE");
		assertThat(this.listener.of("fine")).containsExactly("stopping", "stopped");
	}

	@Test
	void seesCancelledStartsAsStartFailures() {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		maestro.addService("a", true, new RecordingService("a"));
		maestro.startAll(Duration.ZERO);
		assertThat(this.listener.of("a")).containsExactly("startFailed SERVICE_START_FAILURE");
	}

	@Test
	void aThrowingListenerBreaksNeitherTheRunNorTheOtherListeners() {
		MaestroListener throwing = new MaestroListener() {

			@Override
			public void starting(String serviceName) {
				throw new IllegalStateException("starting");
			}

			@Override
			public void started(String serviceName, Duration duration, int attempts) {
				throw new IllegalStateException("started");
			}

			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable error) {
				throw new IllegalStateException("retryScheduled");
			}

			@Override
			public void startFailed(BandmasterException failure) {
				throw new IllegalStateException("startFailed");
			}

			@Override
			public void stopping(String serviceName) {
				throw new IllegalStateException("stopping");
			}

			@Override
			public void stopped(String serviceName, Duration duration) {
				throw new IllegalStateException("stopped");
			}

			@Override
			public void stopFailed(BandmasterException failure) {
				throw new IllegalStateException("stopFailed");
			}

		};
		Maestro maestro = Maestro.builder().listener(throwing).listener(this.listener).build();
		RecordingService a = new RecordingService("a");
		RecordingService b = new RecordingService("b");
		maestro.addService("a", true, a);
		maestro.addServiceWithBackoff("flaky", true, 1, Duration.ZERO, new FlakyService(1, 1), "a");
		maestro.addService("b", true, b, "flaky");
		assertThat(maestro.startAll()).isEmpty();
		assertThat(maestro.stopAll()).isEmpty();
		assertThat(a.running() || b.running()).isFalse();
		assertThat(this.listener.of("flaky")).containsExactly("starting",
				"retryScheduled STARTING attempt=1 delay=PT0S Failure", "started attempts=2", "stopping",
				"retryScheduled STOPPING attempt=1 delay=PT0S Failure", "stopped");
		assertThat(this.listener.of("b")).containsExactly("starting", "started attempts=1", "stopping", "stopped");
	}

	@Test
	void hearsTheFailureOfACancelledStartAfterTheStartingItCutShort() throws Exception {
		// "dependent" is launched by the worker that started "base", which the first
		// listener then holds in starting() past the deadline.
		Maestro maestro = Maestro.builder().listener(slowIn("starting", "dependent")).listener(this.listener).build();
		maestro.addService("base", true, new RecordingService("base"));
		maestro.addService("dependent", true, new RecordingService("dependent"), "base");
		assertThat(maestro.startAll(Duration.ofMillis(100))).extracting(BandmasterException::serviceName)
			.containsExactly("dependent");
		awaitCondition(() -> this.listener.of("dependent").size() >= 2, Duration.ofSeconds(5));
		assertThat(this.listener.of("dependent")).containsExactly("starting", "startFailed SERVICE_START_FAILURE");
	}

	@Test
	void hearsTheFailureOfACancelledStartAfterTheRetryItCutShort() throws Exception {
		Maestro maestro = Maestro.builder().listener(slowIn("retryScheduled", "flaky")).listener(this.listener).build();
		maestro.addServiceWithBackoff("flaky", true, 1, Duration.ofMillis(10), new FlakyService(1));
		assertThat(maestro.startAll(Duration.ofMillis(100))).hasSize(1);
		awaitCondition(() -> this.listener.of("flaky").size() >= 3, Duration.ofSeconds(5));
		assertThat(this.listener.of("flaky")).containsExactly("starting",
				"retryScheduled STARTING attempt=1 delay=PT0.01S Failure", "startFailed SERVICE_START_FAILURE");
	}

	@Test
	void hearsNothingOfACallRefusedWhileAnotherRunsOn() throws Exception {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		CountDownLatch inStart = new CountDownLatch(1);
		maestro.addService("slow", true, new RecordingService("slow").onStart(() -> {
			inStart.countDown();
			Thread.sleep(300);
		}));
		CompletableFuture<List<BandmasterException>> boot = CompletableFuture.supplyAsync(maestro::startAll,
				(task) -> new Thread(task).start());
		assertThat(inStart.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(maestro.startAll(Duration.ofMillis(20))).singleElement()
			.satisfies((refused) -> assertThat(refused.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(boot.get(5, TimeUnit.SECONDS)).isEmpty();
		assertThat(this.listener.of("slow")).containsExactly("starting", "started attempts=1");
	}

	@Test
	void aListenerAddedLaterSeesTheNextRuns() {
		Maestro maestro = new Maestro();
		maestro.addService("a", true, new RecordingService("a"));
		maestro.addListener(this.listener);
		maestro.startAll();
		assertThat(this.listener.of("a")).containsExactly("starting", "started attempts=1");
	}

	/** A listener that takes 400 ms in {@code method} for {@code service}. */
	private static MaestroListener slowIn(String method, String service) {
		return new MaestroListener() {

			@Override
			public void starting(String serviceName) {
				pauseIf("starting", serviceName);
			}

			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable error) {
				pauseIf("retryScheduled", serviceName);
			}

			private void pauseIf(String called, String serviceName) {
				if (called.equals(method) && serviceName.equals(service)) {
					sleepUninterruptibly(Duration.ofMillis(400));
				}
			}

		};
	}

	/**
	 * Records each call as text, per service, in the order it arrived.
	 */
	private static final class EventListener implements MaestroListener {

		private final Map<String, List<String>> events = new ConcurrentHashMap<>();

		private final Map<String, Duration> startedDurations = new ConcurrentHashMap<>();

		List<String> of(String service) {
			return this.events.getOrDefault(service, List.of());
		}

		private void add(String service, String event) {
			this.events.computeIfAbsent(service, (key) -> new CopyOnWriteArrayList<>()).add(event);
		}

		@Override
		public void starting(String serviceName) {
			add(serviceName, "starting");
		}

		@Override
		public void started(String serviceName, Duration duration, int attempts) {
			this.startedDurations.put(serviceName, duration);
			add(serviceName, "started attempts=" + attempts);
		}

		@Override
		public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
				Throwable error) {
			add(serviceName, "retryScheduled " + transition + " attempt=" + attempt + " delay=" + delay + " "
					+ error.getClass().getSimpleName());
		}

		@Override
		public void startFailed(BandmasterException failure) {
			add(failure.serviceName(), "startFailed " + failure.kind());
		}

		@Override
		public void stopping(String serviceName) {
			add(serviceName, "stopping");
		}

		@Override
		public void stopped(String serviceName, Duration duration) {
			add(serviceName, "stopped");
		}

		@Override
		public void stopFailed(BandmasterException failure) {
			add(failure.serviceName(), "stopFailed " + failure.kind());
		}

	}

}
