package dev.bandmaster;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.HangingService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.SleepyService;
import dev.bandmaster.testkit.Timeline;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The test services see what they are meant to see, so that tests relying on them cannot
 * pass vacuously.
 */
class TestServicesTests {

	/** The dependencies a maestro hands to a service that has none. */
	private final Dependencies none = emptyDependencies();

	@Test
	void recordingServiceNotesAStartWhileStartedAndAStopWhileStopped() throws Exception {
		RecordingService service = new RecordingService("a");
		service.stop();
		service.start(this.none);
		service.start(this.none);
		assertThat(service.violations()).containsExactly("stop called on a while it was not started",
				"start called on a while it was started");
	}

	@Test
	void recordingServiceNotesTwoCallsAtOnce() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		RecordingService service = new RecordingService("a").onStart(() -> {
			inside.countDown();
			release.await(10, TimeUnit.SECONDS);
		});
		Thread first = new Thread(() -> {
			try {
				service.start(this.none);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		first.start();
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
		service.stop();
		release.countDown();
		first.join(10_000);
		assertThat(service.violations()).contains("stop called on a while another call was running");
	}

	@Test
	void recordingServiceRecordsEachCallInOrder() throws Exception {
		Timeline timeline = new Timeline();
		RecordingService service = new RecordingService("a", timeline);
		RecordingService failing = new RecordingService("b", timeline).onStart(() -> {
			throw new IllegalStateException("no");
		});
		service.start(this.none);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> failing.start(this.none));
		service.stop();
		assertThat(timeline.events()).extracting(Timeline.Event::service, Timeline.Event::kind)
			.containsExactly(tuple("a", Kind.START_BEGAN), tuple("a", Kind.STARTED), tuple("b", Kind.START_BEGAN),
					tuple("b", Kind.START_FAILED), tuple("a", Kind.STOP_BEGAN), tuple("a", Kind.STOPPED));
		assertThat(timeline.count("a", Kind.STARTED)).isEqualTo(1);
		assertThat(failing.running()).isFalse();
	}

	@Test
	void flakyServiceFailsExactlyItsFirstAttempts() throws Exception {
		FlakyService flaky = new FlakyService(2, 1);
		assertThatExceptionOfType(FlakyService.Failure.class).isThrownBy(() -> flaky.start(this.none));
		assertThatExceptionOfType(FlakyService.Failure.class).isThrownBy(() -> flaky.start(this.none));
		flaky.start(this.none);
		assertThatExceptionOfType(FlakyService.Failure.class).isThrownBy(flaky::stop);
		flaky.stop();
		assertThat(flaky.startAttempts()).hasSize(3);
		assertThat(flaky.stopAttempts()).hasSize(2);
	}

	@Test
	void hangingServiceHangsUntilInterrupted() throws Exception {
		HangingService hanging = new HangingService(1);
		Thread thread = new Thread(() -> {
			try {
				hanging.start(this.none);
			}
			catch (InterruptedException ex) {
				// Expected.
			}
		});
		thread.start();
		assertThat(hanging.awaitHanging(10_000)).isTrue();
		assertThat(thread.isAlive()).isTrue();
		thread.interrupt();
		thread.join(10_000);
		assertThat(thread.isAlive()).isFalse();
		assertThat(hanging.interruptions()).isEqualTo(1);
		hanging.start(this.none);
		assertThat(hanging.attempts()).isEqualTo(2);
	}

	@Test
	void sleepyServiceSleepsAndHonoursInterruption() throws Exception {
		SleepyService sleepy = new SleepyService(Duration.ofMillis(30), Duration.ofSeconds(30));
		long began = System.nanoTime();
		sleepy.start(this.none);
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(29));
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class).isThrownBy(sleepy::stop);
		assertThat(sleepy.starts()).isEqualTo(1);
		assertThat(sleepy.stops()).isZero();
	}

	private static Dependencies emptyDependencies() {
		Maestro maestro = new Maestro();
		RecordingService probe = new RecordingService("probe");
		maestro.addService("probe", true, probe);
		maestro.startAll();
		return probe.lastDependencies();
	}

}
