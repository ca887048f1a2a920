package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.HangingService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.RecordingService.Step;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.api.Test;

import static dev.bandmaster.Pauses.awaitCondition;
import static dev.bandmaster.Pauses.awaitUninterruptibly;
import static dev.bandmaster.Pauses.sleepUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The deadline of a whole {@code startAll} or {@code stopAll}, and the interruption of
 * its caller.
 */
class DeadlineTests extends BandTestSupport {

	@Test
	void interruptsBootsInFlightWhenTheDeadlinePassesAndReportsEveryServiceNotStarted() throws Exception {
		HangingService hanging = HangingService.forever();
		this.maestro.addService("hanging", true, hanging);
		RecordingService dependent = add("dependent", "hanging");
		RecordingService independent = add("independent");
		long began = System.nanoTime();
		// A second for "independent", which starts at once, to be up: ample on a loaded
		// machine. The upper bound only catches a run that ignores its deadline.
		List<BandmasterException> errors = this.maestro.startAll(Duration.ofSeconds(1));
		long tookMillis = (System.nanoTime() - began) / 1_000_000;
		assertThat(tookMillis).isBetween(990L, 10_000L);
		assertThat(errors).extracting(BandmasterException::kind, BandmasterException::serviceName)
			.containsExactly(tuple(ErrorKind.SERVICE_START_FAILURE, "hanging"),
					tuple(ErrorKind.SERVICE_START_FAILURE, "dependent"));
		assertThat(errors).allSatisfy((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(errors.get(1).attempts()).isZero();
		awaitInterruptions(hanging, 1);
		assertThat(dependent.starts()).isZero();
		assertThat(independent.running()).isTrue();
		assertThat(this.maestro.state("hanging")).isEqualTo(ServiceState.FAILED);
		assertThat(this.maestro.state("dependent")).isEqualTo(ServiceState.STOPPED);
		assertThat(this.maestro.state("independent")).isEqualTo(ServiceState.STARTED);
	}

	@Test
	void aZeroDeadlineStartsNothingAndReportsEveryService() {
		RecordingService a = add("a");
		RecordingService b = new RecordingService("b", this.timeline);
		this.maestro.addService("b", false, b, "a");
		List<BandmasterException> errors = this.maestro.startAll(Duration.ZERO);
		assertThat(errors)
			.extracting(BandmasterException::kind, BandmasterException::serviceName, BandmasterException::required)
			.containsExactly(tuple(ErrorKind.SERVICE_START_FAILURE, "a", true),
					tuple(ErrorKind.SERVICE_START_FAILURE, "b", false));
		assertThat(errors).allSatisfy((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(a.starts() + b.starts()).isZero();
		assertThat(this.maestro.state("a")).isEqualTo(ServiceState.STOPPED);
		assertThat(this.maestro.startAll(Duration.ofSeconds(-1))).hasSize(2);
		assertThat(a.starts()).isZero();
	}

	@Test
	void aLaterStartAllStartsWhatTheDeadlineCutShort() throws Exception {
		HangingService hanging = new HangingService(1);
		this.maestro.addService("hanging", true, hanging);
		RecordingService dependent = add("dependent", "hanging");
		assertThat(this.maestro.startAll(Duration.ofMillis(100))).hasSize(2);
		awaitInterruptions(hanging, 1);
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(dependent.starts()).isEqualTo(1);
		assertThat(hanging.attempts()).isEqualTo(2);
	}

	@Test
	void interruptingTheCallerCancelsTheBootAndKeepsItsInterruptFlag() throws Exception {
		HangingService hanging = HangingService.forever();
		this.maestro.addService("hanging", true, hanging);
		RecordingService dependent = add("dependent", "hanging");
		RecordingService independent = add("independent");
		AtomicBoolean flagKept = new AtomicBoolean();
		CompletableFuture<List<BandmasterException>> result = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			result.complete(this.maestro.startAll());
			flagKept.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		assertThat(hanging.awaitHanging(10_000)).isTrue();
		assertThat(this.maestro.serviceReady("independent", Duration.ofSeconds(10))).isSameAs(independent);
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(flagKept).isTrue();
		List<BandmasterException> errors = result.get();
		assertThat(errors).extracting(BandmasterException::serviceName).containsExactly("hanging", "dependent");
		assertThat(errors).allSatisfy((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.getCause()).isInstanceOfAny(InterruptedException.class, CancellationException.class);
		});
		awaitInterruptions(hanging, 1);
		assertThat(dependent.starts()).isZero();
		assertThat(this.maestro.state("independent")).isEqualTo(ServiceState.STARTED);
		assertThat(independent.stops()).isZero();
	}

	@Test
	void aCallerAlreadyInterruptedStartsNothingAndKeepsItsFlag() {
		RecordingService a = add("a");
		Thread.currentThread().interrupt();
		try {
			List<BandmasterException> errors = this.maestro.startAll(Duration.ofSeconds(10));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
			assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getCause()).isInstanceOf(InterruptedException.class));
			assertThat(a.starts()).isZero();
			assertThat(this.maestro.startAll()).singleElement()
				.satisfies((error) -> assertThat(error.getCause()).isInstanceOf(InterruptedException.class));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
			assertThat(a.starts()).isZero();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void acceptsDeadlinesTooLongToCountInNanoseconds() {
		RecordingService a = add("a");
		Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
		assertThat(this.maestro.startAll(forever)).isEmpty();
		assertThat(this.maestro.serviceReady("a", forever)).isSameAs(a);
		assertThat(this.maestro.stopAll(forever)).isEmpty();
		assertThat(this.maestro.startAll(Duration.ofSeconds(Long.MIN_VALUE))).hasSize(1);
		assertThat(a.starts()).isEqualTo(1);
	}

	@Test
	void acceptsAttemptTimeoutsAndBackoffsTooLongToCountInNanoseconds() {
		Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
		FlakyService flaky = new FlakyService(1, 1);
		this.maestro.addService(ServiceDefinition.builder("flaky", flaky)
			.retries(1)
			.initialBackoff(Duration.ZERO)
			.maxBackoff(forever)
			.startTimeout(forever)
			.stopTimeout(forever)
			.build());
		RecordingService dependent = add("dependent", "flaky");
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(flaky.startAttempts()).hasSize(2);
		assertThat(dependent.running()).isTrue();
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(flaky.stopAttempts()).hasSize(2);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void aZeroStopDeadlineStopsNothingAndReportsEveryStartedService() {
		RecordingService a = add("a");
		RecordingService b = add("b", "a");
		this.maestro.addService("failed", true, FlakyService.failingForever());
		this.maestro.startAll();
		List<BandmasterException> errors = this.maestro.stopAll(Duration.ZERO);
		assertThat(errors).extracting(BandmasterException::kind, BandmasterException::serviceName)
			.containsExactly(tuple(ErrorKind.SERVICE_STOP_FAILURE, "a"), tuple(ErrorKind.SERVICE_STOP_FAILURE, "b"));
		assertThat(errors).allSatisfy((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(a.stops() + b.stops()).isZero();
		assertThat(this.maestro.state("a")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("b")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(a.stops() + b.stops()).isEqualTo(2);
	}

	@Test
	void interruptsAHangingStopWhenTheStopDeadlinePasses() throws Exception {
		CountDownLatch stopping = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		RecordingService base = add("base");
		add("hangsOnStop", "base").onStop(() -> {
			stopping.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
				throw ex;
			}
		});
		assertThat(this.maestro.startAll()).isEmpty();
		List<BandmasterException> errors = this.maestro.stopAll(Duration.ofMillis(150));
		assertThat(errors).extracting(BandmasterException::kind, BandmasterException::serviceName)
			.containsExactly(tuple(ErrorKind.SERVICE_STOP_FAILURE, "base"),
					tuple(ErrorKind.SERVICE_STOP_FAILURE, "hangsOnStop"));
		assertThat(errors).allSatisfy((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(base.stops()).isZero();
		assertThat(this.maestro.state("hangsOnStop")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("base")).isEqualTo(ServiceState.STARTED);
	}

	@Test
	void neverStartsAServiceAgainWhileItsInterruptedStartIsStillReturning() {
		// The first start takes a while to clean up once interrupted: well within any
		// sane cancellation bound, but after startAll has returned at its deadline.
		RecordingService slowToCancel = add("slowToCancel")
			.onStart(onFirstCall(() -> blockThenCleanUp(Duration.ofMillis(200))));
		assertThat(this.maestro.startAll(Duration.ofMillis(150))).hasSize(1);
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(slowToCancel.violations()).isEmpty();
		assertThat(slowToCancel.starts()).isEqualTo(2);
		assertThat(slowToCancel.running()).isTrue();
	}

	@Test
	void aStartThatIgnoresItsInterruptionHoldsUpNoOtherService() throws Exception {
		// The stuck start keeps running after startAll gave up on it: only that service
		// waits for it, in stopAll as in startAll. Every other service is stopped, and
		// started again, as if it were not there. Each run is cut short, by interrupting
		// its caller, once the other services are where they should be, so that no
		// deadline has to guess how long they take.
		CountDownLatch release = new CountDownLatch(1);
		RecordingService stuck = add("stuck").onStart(() -> awaitUninterruptibly(release));
		RecordingService base = add("base");
		RecordingService dependent = add("dependent", "base");
		try {
			assertThat(cutShortOnce(this.maestro::startAll, dependent::running)).singleElement()
				.satisfies((error) -> assertThat(error.serviceName()).isEqualTo("stuck"));
			assertThat(cutShortOnce(this.maestro::stopAll, () -> !base.running() && !dependent.running()))
				.singleElement()
				.satisfies((error) -> assertThat(error.serviceName()).isEqualTo("stuck"));
			assertThat(cutShortOnce(this.maestro::startAll, dependent::running)).singleElement()
				.satisfies((error) -> assertThat(error.serviceName()).isEqualTo("stuck"));
			assertThat(this.maestro.state("dependent")).isEqualTo(ServiceState.STARTED);
			assertThat(stuck.starts()).as("start calls while the first one is stuck").isEqualTo(1);
		}
		finally {
			release.countDown();
		}
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(stuck.violations()).isEmpty();
		assertThat(stuck.running()).isTrue();
	}

	@Test
	void neverStopsAServiceAgainWhileItsInterruptedStopIsStillReturning() {
		RecordingService slowToCancel = add("slowToCancel")
			.onStop(onFirstCall(() -> blockThenCleanUp(Duration.ofMillis(200))));
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofMillis(150))).hasSize(1);
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(slowToCancel.violations()).isEmpty();
		assertThat(slowToCancel.stops()).isEqualTo(2);
		assertThat(this.maestro.state("slowToCancel")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void neverStartsAServiceAgainWhileTheStopUndoingALateStartRuns() {
		// A start that ignores its interruption and succeeds late is undone with a stop;
		// a new startAll must not call start while that stop runs.
		RecordingService late = add("late").onStart(onFirstCall(() -> sleepUninterruptibly(Duration.ofMillis(400))))
			.onStop(() -> sleepUninterruptibly(Duration.ofMillis(100)));
		assertThat(this.maestro.startAll(Duration.ofMillis(150))).hasSize(1);
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(late.violations()).isEmpty();
		assertThat(late.stops()).isEqualTo(1);
		assertThat(late.running()).isTrue();
	}

	@Test
	void stopAllWaitsForALateStartToBeUndoneBeforeStoppingWhatItDependsOn() {
		// The boot gives up on "late", whose start then succeeds and is undone: all of
		// this happens after startAll returned, so only stopAll can wait for it.
		RecordingService base = add("base");
		assertThat(this.maestro.startAll()).isEmpty();
		RecordingService late = add("late", "base")
			.onStart(onFirstCall(() -> sleepUninterruptibly(Duration.ofMillis(300))));
		assertThat(this.maestro.startAll(Duration.ofMillis(100))).singleElement()
			.satisfies((error) -> assertThat(error.serviceName()).isEqualTo("late"));
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(late.running()).as("late start undone when stopAll returns").isFalse();
		assertThat(late.stops()).isEqualTo(1);
		assertThat(base.running()).isFalse();
		assertThat(this.timeline.last("late", Kind.STOPPED).orElseThrow().sequence())
			.as("late start undone before its dependency stops")
			.isLessThan(this.timeline.last("base", Kind.STOP_BEGAN).orElseThrow().sequence());
		assertThat(this.maestro.state("late")).isEqualTo(ServiceState.FAILED);
		assertThat(late.violations()).isEmpty();
	}

	@Test
	void stopAllReportsALateStartNotUndoneByItsDeadlineAndStopsEverythingElse() {
		RecordingService other = add("other");
		assertThat(this.maestro.startAll()).isEmpty();
		CountDownLatch release = new CountDownLatch(1);
		RecordingService stuck = add("stuck").onStart(() -> awaitUninterruptibly(release));
		try {
			assertThat(this.maestro.startAll(Duration.ofMillis(100))).hasSize(1);
			// Two seconds for "other", which stops at once, to be stopped: ample on a
			// loaded machine; the stuck start holds the run to its deadline.
			List<BandmasterException> errors = this.maestro.stopAll(Duration.ofSeconds(2));
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_STOP_FAILURE);
				assertThat(error.serviceName()).isEqualTo("stuck");
				assertThat(error.getCause()).isInstanceOf(TimeoutException.class)
					.hasMessageEndingWith(
							"while a call of it that an earlier run gave up on at its deadline had not returned");
			});
			assertThat(other.running()).isFalse();
			assertThat(this.maestro.state("stuck")).as("a start still running is not called stopped")
				.isEqualTo(ServiceState.FAILED);
		}
		finally {
			release.countDown();
		}
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(stuck.running()).isFalse();
		assertThat(stuck.violations()).isEmpty();
	}

	@Test
	void aLateStartWhoseUndoFailsStaysStartedAndStopsBeforeItsDependency() {
		RecordingService base = add("base");
		assertThat(this.maestro.startAll()).isEmpty();
		RecordingService late = add("late", "base")
			.onStart(onFirstCall(() -> sleepUninterruptibly(Duration.ofMillis(300))))
			.onStop(onFirstCall(() -> {
				throw new IllegalStateException("cannot stop yet");
			}));
		assertThat(this.maestro.startAll(Duration.ofMillis(100))).extracting(BandmasterException::serviceName)
			.containsExactly("late");
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(late.running()).as("running after stopAll").isFalse();
		assertThat(late.stops()).as("the failed undo, then stopAll's stop").isEqualTo(2);
		assertThat(this.timeline.last("late", Kind.STOPPED).orElseThrow().sequence())
			.as("stopped before its dependency")
			.isLessThan(this.timeline.last("base", Kind.STOP_BEGAN).orElseThrow().sequence());
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(late.violations()).isEmpty();
	}

	@Test
	void anAttemptWhoseServiceACancellationResolvedNeverCallsIt() throws Exception {
		// The thread cancelling the boot is paused between resolving "late" and
		// cancelling its attempt, which a worker picks up meanwhile: the attempt's
		// monitor,
		// which the cancellation takes next, is held to make that pause.
		AtomicBoolean holdNextAttempt = new AtomicBoolean();
		CountDownLatch heldAttemptRan = new CountDownLatch(1);
		Executor executor = (task) -> {
			if (!holdNextAttempt.getAndSet(false)) {
				new Thread(task).start();
				return;
			}
			new Thread(() -> {
				synchronized (task) {
					sleepUninterruptibly(Duration.ofMillis(300));
					new Thread(() -> {
						task.run();
						heldAttemptRan.countDown();
					}).start();
					sleepUninterruptibly(Duration.ofMillis(100));
				}
			}).start();
		};
		Maestro maestro = Maestro.builder().executor(executor).build();
		RecordingService base = new RecordingService("base", this.timeline);
		maestro.addService("base", true, base);
		assertThat(maestro.startAll()).isEmpty();
		RecordingService late = new RecordingService("late", this.timeline);
		maestro.addService("late", true, late, "base");
		holdNextAttempt.set(true);
		assertThat(maestro.startAll(Duration.ofMillis(100))).extracting(BandmasterException::serviceName)
			.containsExactly("late");
		assertThat(heldAttemptRan.await(10, TimeUnit.SECONDS)).as("the held attempt ran to its end").isTrue();
		assertThat(maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(late.starts()).as("start calls after the boot reported it cancelled").isZero();
		assertThat(base.running()).isFalse();
	}

	@Test
	void aStopThatSucceedsAfterItsDeadlineIsNotCalledAgain() {
		RecordingService slow = add("slow").onStop(onFirstCall(() -> sleepUninterruptibly(Duration.ofMillis(300))));
		RecordingService base = add("base");
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofMillis(100))).extracting(BandmasterException::serviceName)
			.contains("slow");
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(slow.stops()).isEqualTo(1);
		assertThat(slow.violations()).isEmpty();
		assertThat(base.running()).isFalse();
		assertThat(this.maestro.state("slow")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void startAllStartsAgainAServiceWhoseLateStopSucceeded() {
		RecordingService slow = add("slow").onStop(onFirstCall(() -> sleepUninterruptibly(Duration.ofMillis(300))));
		RecordingService dependent = add("dependent", "slow");
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofMillis(100))).extracting(BandmasterException::serviceName)
			.contains("slow");
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(slow.running()).as("started again after its late stop").isTrue();
		assertThat(slow.starts()).isEqualTo(2);
		assertThat(this.maestro.state("slow")).isEqualTo(ServiceState.STARTED);
		assertThat(this.timeline.last("slow", Kind.STARTED).orElseThrow().sequence())
			.as("started again before its dependent")
			.isLessThan(this.timeline.last("dependent", Kind.START_BEGAN).orElseThrow().sequence());
		assertThat(slow.violations()).isEmpty();
		assertThat(dependent.running()).isTrue();
	}

	@Test
	void startAllKeepsAServiceWhoseLateStopFailed() {
		RecordingService slow = add("slow").onStop(() -> {
			sleepUninterruptibly(Duration.ofMillis(300));
			throw new IllegalStateException("cannot stop");
		});
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofMillis(100))).hasSize(1);
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(slow.starts()).isEqualTo(1);
		assertThat(slow.running()).isTrue();
		assertThat(slow.violations()).isEmpty();
		assertThat(this.maestro.state("slow")).isEqualTo(ServiceState.STARTED);
	}

	@Test
	void cancelsARetryWaitingForItsBackoffWhenTheDeadlinePasses() throws Exception {
		FlakyService flaky = FlakyService.failingForever();
		this.maestro.addServiceWithBackoff("flaky", true, 5, Duration.ofMillis(400), flaky);
		List<BandmasterException> errors = this.maestro.startAll(Duration.ofMillis(150));
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.getCause()).isInstanceOf(TimeoutException.class);
			assertThat(error.attempts()).isEqualTo(1);
		});
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.FAILED);
		// Nothing must happen here, so the test looks for a while: until 300 ms past the
		// time the cancelled retry was due (400 ms after the first attempt). A retry the
		// cancellation missed fires at that time, so this window covers it with room for
		// a timer late on a loaded machine.
		long retryDue = flaky.startAttempts().get(0) + Duration.ofMillis(400).toNanos();
		TimeUnit.NANOSECONDS.sleep(retryDue + Duration.ofMillis(300).toNanos() - System.nanoTime());
		assertThat(flaky.startAttempts()).as("attempts after the deadline").hasSize(1);
	}

	@Test
	void aCallThatCannotGetItsTurnBeforeItsDeadlineReportsEveryServiceAndTouchesNothing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		RecordingService slow = add("slow").onStart(() -> release.await(10, TimeUnit.SECONDS));
		RecordingService other = add("other", "slow");
		CompletableFuture<List<BandmasterException>> first = CompletableFuture.supplyAsync(this.maestro::startAll,
				(task) -> new Thread(task).start());
		awaitCondition(() -> this.maestro.state("slow") == ServiceState.STARTING, Duration.ofSeconds(10));
		List<BandmasterException> errors = this.maestro.startAll(Duration.ofMillis(100));
		assertThat(errors).extracting(BandmasterException::kind, BandmasterException::serviceName)
			.containsExactly(tuple(ErrorKind.SERVICE_START_FAILURE, "slow"),
					tuple(ErrorKind.SERVICE_START_FAILURE, "other"));
		assertThat(errors).allSatisfy((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(this.maestro.state("slow")).isEqualTo(ServiceState.STARTING);
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
		assertThat(slow.starts()).isEqualTo(1);
		assertThat(other.starts()).isEqualTo(1);
	}

	/**
	 * Runs {@code run} on a thread of its own and interrupts that thread, which cuts the
	 * run short, once {@code reached} holds.
	 */
	private static List<BandmasterException> cutShortOnce(Supplier<List<BandmasterException>> run,
			BooleanSupplier reached) throws Exception {
		CompletableFuture<List<BandmasterException>> result = new CompletableFuture<>();
		Thread caller = new Thread(() -> result.complete(run.get()));
		caller.start();
		awaitCondition(reached, Duration.ofSeconds(10));
		assertThat(reached.getAsBoolean()).as("reached before the run was cut short").isTrue();
		caller.interrupt();
		return result.get(10, TimeUnit.SECONDS);
	}

	/** Runs {@code step} on the first call only; later calls return at once. */
	private static Step onFirstCall(Step step) {
		AtomicBoolean first = new AtomicBoolean(true);
		return () -> {
			if (first.getAndSet(false)) {
				step.run();
			}
		};
	}

	/** Blocks until interrupted, then takes {@code cleanup} to give up, and throws. */
	private static void blockThenCleanUp(Duration cleanup) throws InterruptedException {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			sleepUninterruptibly(cleanup);
			throw ex;
		}
	}

	private static void awaitInterruptions(HangingService hanging, int expected) throws InterruptedException {
		awaitCondition(() -> hanging.interruptions() >= expected, Duration.ofSeconds(5));
		assertThat(hanging.interruptions()).as("interrupted hanging starts").isEqualTo(expected);
	}

}
