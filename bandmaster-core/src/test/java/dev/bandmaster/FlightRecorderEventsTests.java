package dev.bandmaster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.SleepyService;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A JDK Flight Recorder recording of a boot and shutdown holds one
 * {@code dev.bandmaster.ServiceStart} event per service whose start began and one
 * {@code dev.bandmaster.ServiceStop} per service whose stop began, read back from the
 * recording file.
 */
class FlightRecorderEventsTests {

	@TempDir
	Path directory;

	@Test
	void recordsOneEventPerStartAndStopWithAttemptsOutcomeAndDuration() throws Exception {
		Maestro maestro = new Maestro();
		maestro.addService("base", true, new SleepyService(Duration.ofMillis(30)));
		maestro.addServiceWithBackoff("flaky", true, 1, Duration.ZERO, new FlakyService(1, 1), "base");
		maestro.addService("broken", false, FlakyService.failingForever());
		maestro.addService("skipped", false, new RecordingService("skipped"), "broken");
		List<RecordedEvent> events = record(() -> {
			maestro.startAll(Duration.ofSeconds(10));
			maestro.stopAll(Duration.ofSeconds(10));
		});
		assertThat(events)
			.extracting((event) -> event.getEventType().getName(), (event) -> event.getString("name"),
					(event) -> event.getInt("attempts"), (event) -> event.getString("outcome"))
			.containsExactlyInAnyOrder(tuple(ServiceStartEvent.NAME, "base", 1, "success"),
					tuple(ServiceStartEvent.NAME, "flaky", 2, "success"),
					tuple(ServiceStartEvent.NAME, "broken", 1, "failure"),
					tuple(ServiceStopEvent.NAME, "flaky", 2, "success"),
					tuple(ServiceStopEvent.NAME, "base", 1, "success"));
		RecordedEvent baseStart = events.stream()
			.filter((event) -> event.getEventType().getName().equals(ServiceStartEvent.NAME)
					&& event.getString("name").equals("base"))
			.findFirst()
			.orElseThrow();
		assertThat(baseStart.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(29));
	}

	@Test
	void recordsTheFailureOfACancelledStart() throws Exception {
		Maestro maestro = new Maestro();
		maestro.addService("hanging", true, new SleepyService(Duration.ofSeconds(5)));
		List<RecordedEvent> events = record(() -> maestro.startAll(Duration.ofMillis(50)));
		assertThat(events)
			.extracting((event) -> event.getString("name"), (event) -> event.getInt("attempts"),
					(event) -> event.getString("outcome"))
			.containsExactly(tuple("hanging", 1, "failure"));
	}

	@Test
	void recordsOnlyTransitionsThatBeganWhileRecording() throws Exception {
		Maestro maestro = new Maestro();
		maestro.addService("a", true, new RecordingService("a"));
		maestro.startAll();
		assertThat(record(maestro::stopAll)).extracting((event) -> event.getEventType().getName())
			.containsExactly(ServiceStopEvent.NAME);
	}

	private List<RecordedEvent> record(Runnable action) throws Exception {
		Path file = Files.createTempFile(this.directory, "boot", ".jfr");
		try (Recording recording = new Recording()) {
			recording.enable(ServiceStartEvent.NAME);
			recording.enable(ServiceStopEvent.NAME);
			recording.start();
			action.run();
			recording.stop();
			recording.dump(file);
		}
		return RecordingFile.readAllEvents(file);
	}

}
