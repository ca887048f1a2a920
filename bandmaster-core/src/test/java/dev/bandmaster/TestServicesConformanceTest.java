package dev.bandmaster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.HangingService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.ServiceConformance;
import dev.bandmaster.testkit.SleepyService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The reusable test services pass the conformance kit, and the kit catches services that
 * misbehave.
 */
class TestServicesConformanceTest {

	@Test
	void recordingServiceConforms() {
		ServiceConformance.of(() -> new RecordingService("recording")).verify();
	}

	@Test
	void recordingServiceThatBlocksUntilInterruptedConforms() {
		ServiceConformance.of(() -> new RecordingService("blocking").onStart(() -> Thread.sleep(300)))
			.interruptAfter(Duration.ofMillis(50))
			.verify();
	}

	@Test
	void flakyServiceConformsWhenItsFailuresAreRetried() {
		ServiceConformance.of(() -> new FlakyService(2, 1)).retries(2, Duration.ZERO).verify();
	}

	@Test
	void hangingServiceConformsWhenItsHangingAttemptsTimeOut() {
		ServiceConformance.of(() -> new HangingService(1))
			.retries(1, Duration.ZERO)
			.startTimeout(Duration.ofMillis(50))
			.verify();
	}

	@Test
	void sleepyServiceConforms() {
		ServiceConformance.of(() -> new SleepyService(Duration.ofMillis(150), Duration.ofMillis(5)))
			.interruptAfter(Duration.ofMillis(30))
			.verify();
	}

	@Test
	void handsTheConfiguredDependenciesToTheServiceUnderTest() {
		RecordingService config = new RecordingService("config");
		ServiceConformance
			.of(() -> new RecordingService("needsConfig").onStart(() -> assertThat(config.running()).isTrue()))
			.dependency("config", config)
			.verify();
		// Started with each instance under test: once per check, twice for the restart.
		assertThat(config.starts()).isEqualTo(5);
		assertThat(config.stops()).isEqualTo(5);
		assertThat(config.violations()).isEmpty();
	}

	@Test
	void catchesAStartThatIgnoresInterruption() {
		Service stubborn = new Service() {

			@Override
			public void start(Dependencies dependencies) {
				long until = System.nanoTime() + Duration.ofMillis(600).toNanos();
				while (System.nanoTime() - until < 0) {
					try {
						Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
					}
					catch (InterruptedException ex) {
						// Ignored on purpose: this is the misbehaviour under test.
					}
				}
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
			.withMessageContaining("1 of 4 checks failed")
			.withMessageContaining("cancellation: its start was still running");
	}

	@Test
	void catchesAServiceThatCannotStartTwice() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(OneShotService::new).verify())
			.withMessageContaining("restartable: the startAll after a stopAll reported 1 error(s)")
			.withMessageNotContaining("start then stop")
			.withMessageNotContaining("idempotent stop");
	}

	@Test
	void catchesAServiceWhoseStopFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new FlakyService(0, Integer.MAX_VALUE)).verify())
			.withMessageContaining("start then stop: stopAll reported 1 error(s)")
			.withMessageContaining("restartable")
			.withMessageContaining("idempotent stop");
	}

	@Test
	void catchesAFactoryThatHandsOutNull() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ServiceConformance.of(() -> null).verify())
			.withMessageContaining("the factory returned null");
	}

	@Test
	void aServiceThatFailsItsFirstStartConformsOnlyWithRetries() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ServiceConformance.of(() -> new FlakyService(1)).verify());
		assertThatNoException()
			.isThrownBy(() -> ServiceConformance.of(() -> new FlakyService(1)).retries(1, Duration.ZERO).verify());
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
