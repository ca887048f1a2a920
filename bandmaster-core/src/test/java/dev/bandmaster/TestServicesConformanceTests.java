package dev.bandmaster;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.HangingService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.ServiceConformance;
import dev.bandmaster.testkit.SleepyService;
import org.junit.jupiter.api.Test;

import static dev.bandmaster.Pauses.sleepUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The reusable test services pass the conformance kit, and the kit catches services that
 * misbehave.
 */
class TestServicesConformanceTests {

	@Test
	void recordingServiceConformsAndTheReportSaysItsFastStartLeftCancellationUnexercised() {
		ServiceConformance.Report report = ServiceConformance.of(() -> new RecordingService("recording")).verify();
		assertThat(report.passed()).containsExactly("start then stop", "start after stop", "start twice", "stop twice",
				"stop without start");
		assertThat(report.complete()).isFalse();
		assertThat(report.notExercised()).singleElement()
			.asString()
			.startsWith("cancellation: its start returned after about")
			.contains("before the interruption at 100 ms");
		assertThat(report).asString().contains("NOT EXERCISED: cancellation");
	}

	@Test
	void cancellingExercisesCancellationWithInstancesWhoseStartBlocks() {
		ServiceConformance.Report report = ServiceConformance.of(() -> new RecordingService("recording"))
			.cancelling(() -> new RecordingService("blocked").onStart(() -> new CountDownLatch(1).await()))
			.verify();
		assertThat(report.complete()).isTrue();
		assertThat(report.passed()).contains("cancellation");
	}

	@Test
	void recordingServiceThatBlocksUntilInterruptedConforms() {
		ServiceConformance.Report report = ServiceConformance
			.of(() -> new RecordingService("blocking").onStart(() -> Thread.sleep(300)))
			.interruptAfter(Duration.ofMillis(50))
			.verify();
		assertThat(report.complete()).isTrue();
	}

	@Test
	void flakyServiceConformsWhenItsFailuresAreRetried() {
		ServiceConformance.of(() -> new FlakyService(2, 1)).retries(2, Duration.ZERO).verify();
	}

	@Test
	void hangingServiceConformsWhenItsHangingAttemptsTimeOut() {
		ServiceConformance.Report report = ServiceConformance.of(() -> new HangingService(1))
			.retries(1, Duration.ZERO)
			.startTimeout(Duration.ofMillis(50))
			.verify();
		assertThat(report.complete()).isTrue();
	}

	@Test
	void sleepyServiceConforms() {
		ServiceConformance.Report report = ServiceConformance
			.of(() -> new SleepyService(Duration.ofMillis(150), Duration.ofMillis(5)))
			.interruptAfter(Duration.ofMillis(30))
			.verify();
		assertThat(report.complete()).isTrue();
	}

	@Test
	void handsTheConfiguredDependenciesToTheServiceUnderTest() {
		RecordingService config = new RecordingService("config");
		ServiceConformance
			.of(() -> new RecordingService("needsConfig").onStart(() -> assertThat(config.running()).isTrue()))
			.dependency("config", config)
			.verify();
		// Started around each of the six checks.
		assertThat(config.starts()).isEqualTo(6);
		assertThat(config.stops()).isEqualTo(6);
		assertThat(config.violations()).isEmpty();
	}

	@Test
	void catchesAStartThatIgnoresInterruption() {
		Service stubborn = new Service() {

			@Override
			public void start(Dependencies dependencies) {
				sleepUninterruptibly(Duration.ofMillis(600));
			}

			@Override
			public void stop() {
			}

		};
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> stubborn)
				.interruptAfter(Duration.ofMillis(100))
				.cancellationBound(Duration.ofMillis(150))
				.verify())
			.withMessageContaining("1 of 6 checks failed")
			.withMessageContaining("cancellation: its start was still running");
	}

	@Test
	void timesTheCancellationBoundFromTheInterruption() {
		// Interrupted after 1 s, the start takes 200 ms to give up: within a bound of
		// 1 s from the interruption, though not from the start's beginning.
		ServiceConformance.Report report = ServiceConformance.of(() -> new RecordingService("service"))
			.cancelling(() -> new RecordingService("slowToGiveUp").onStart(() -> {
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					sleepUninterruptibly(Duration.ofMillis(200));
					throw ex;
				}
			}))
			.interruptAfter(Duration.ofSeconds(1))
			.cancellationBound(Duration.ofSeconds(1))
			.verify();
		assertThat(report.passed()).contains("cancellation");
	}

	@Test
	void catchesAServiceThatCannotStartAfterAStop() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(OneShotService::new).verify())
			.withMessageContaining("2 of 6 checks failed")
			.withMessageContaining("start after stop: a start after a stop failed after 1 attempt(s)")
			.withMessageContaining("start twice: a second start of the started instance failed");
	}

	@Test
	void catchesAServiceThatRefusesASecondStart() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new StrictService(Refusal.START_WHILE_STARTED)).verify())
			.withMessageContaining("1 of 6 checks failed")
			.withMessageContaining("start twice: a second start of the started instance failed after 1 attempt(s)")
			.withMessageContaining("already started");
	}

	@Test
	void catchesAServiceThatRefusesASecondStop() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new StrictService(Refusal.STOP_WHILE_STOPPED)).verify())
			.withMessageContaining("1 of 6 checks failed")
			.withMessageContaining("stop twice: a second stop of the stopped instance failed");
	}

	@Test
	void catchesAServiceThatRefusesAStopBeforeItsFirstStart() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new StrictService(Refusal.STOP_BEFORE_START)).verify())
			.withMessageContaining("1 of 6 checks failed")
			.withMessageContaining("stop without start: a stop of an instance never started failed");
	}

	@Test
	void catchesAServiceWhoseStopFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new FlakyService(0, Integer.MAX_VALUE)).verify())
			.withMessageContaining("start then stop: stopAll reported 1 error(s)")
			.withMessageContaining("start after stop")
			.withMessageContaining("stop twice")
			.withMessageContaining("stop without start");
	}

	@Test
	void catchesAFactoryThatHandsOutNull() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ServiceConformance.of(() -> null).verify())
			.withMessageContaining("6 of 6 checks failed")
			.withMessageContaining("the factory returned null");
	}

	@Test
	void aServiceThatFailsItsFirstStartConformsOnlyWithRetries() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new FlakyService(1)).verify());
		assertThatNoException()
			.isThrownBy(() -> ServiceConformance.of(() -> new FlakyService(1)).retries(1, Duration.ZERO).verify());
	}

	/** What a {@link StrictService} refuses, by throwing. */
	private enum Refusal {

		START_WHILE_STARTED, STOP_WHILE_STOPPED, STOP_BEFORE_START

	}

	/**
	 * Starts and stops any number of times, but refuses one kind of call a maestro never
	 * makes.
	 */
	private static final class StrictService implements Service {

		private final Refusal refusal;

		private boolean everStarted;

		private boolean started;

		StrictService(Refusal refusal) {
			this.refusal = refusal;
		}

		@Override
		public synchronized void start(Dependencies dependencies) {
			if (this.started && this.refusal == Refusal.START_WHILE_STARTED) {
				throw new IllegalStateException("already started");
			}
			this.started = true;
			this.everStarted = true;
		}

		@Override
		public synchronized void stop() {
			if (!this.everStarted && this.refusal == Refusal.STOP_BEFORE_START) {
				throw new IllegalStateException("never started");
			}
			if (this.everStarted && !this.started && this.refusal == Refusal.STOP_WHILE_STOPPED) {
				throw new IllegalStateException("already stopped");
			}
			this.started = false;
		}

	}

	/**
	 * Starts once per instance, and refuses a second start.
	 */
	private static final class OneShotService implements Service {

		private final AtomicInteger starts = new AtomicInteger();

		@Override
		public void start(Dependencies dependencies) {
			if (this.starts.incrementAndGet() > 1) {
				throw new IllegalStateException("already used");
			}
		}

		@Override
		public void stop() {
		}

	}

}
