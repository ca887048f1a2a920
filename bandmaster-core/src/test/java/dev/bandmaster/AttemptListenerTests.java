package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MaestroListener#attemptStarting} marks the beginning of each attempt, between
 * the callbacks that begin and end the transition, on the thread that runs the attempt;
 * {@link MaestroListener#runStarting} and {@link MaestroListener#runFinished} bound each
 * run's callbacks.
 */
class AttemptListenerTests {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final MaestroListener listener = new MaestroListener() {

		@Override
		public void runStarting(ServiceState transition, int services) {
			record("run", transition + " services=" + services);
		}

		@Override
		public void runFinished(ServiceState transition, Duration duration, List<BandmasterException> errors) {
			record("run", transition + " done errors=" + errors.size());
		}

		@Override
		public void starting(String serviceName) {
			record(serviceName, "starting");
		}

		@Override
		public void attemptStarting(String serviceName, ServiceState transition, int attempt) {
			record(serviceName, "attempt " + transition + " " + attempt + " mdc=" + MDC.get(GraphRun.MDC_KEY));
		}

		@Override
		public void started(String serviceName, Duration duration, int attempts) {
			record(serviceName, "started");
		}

		@Override
		public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
				Throwable error) {
			record(serviceName, "retry " + attempt);
		}

		@Override
		public void startFailed(BandmasterException failure) {
			record(failure.serviceName(), "startFailed");
		}

		@Override
		public void stopping(String serviceName) {
			record(serviceName, "stopping");
		}

		@Override
		public void stopped(String serviceName, Duration duration) {
			record(serviceName, "stopped");
		}

	};

	@Test
	void marksEachStartAndStopAttemptBetweenItsTransitionsCallbacks() {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		maestro.addServiceWithBackoff("flaky", true, 2, Duration.ZERO, new FlakyService(2, 1));
		assertThat(maestro.startAll()).isEmpty();
		assertThat(maestro.stopAll()).isEmpty();
		assertThat(this.calls).containsExactly("run: STARTING services=1", "flaky: starting",
				"flaky: attempt STARTING 1 mdc=flaky", "flaky: retry 1", "flaky: attempt STARTING 2 mdc=flaky",
				"flaky: retry 2", "flaky: attempt STARTING 3 mdc=flaky", "flaky: started",
				"run: STARTING done errors=0", "run: STOPPING services=1", "flaky: stopping",
				"flaky: attempt STOPPING 1 mdc=flaky", "flaky: retry 1", "flaky: attempt STOPPING 2 mdc=flaky",
				"flaky: stopped", "run: STOPPING done errors=0");
	}

	@Test
	void marksNoAttemptOfAServiceSkippedForAnUnavailableDependency() {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		maestro.addService("broken", false, FlakyService.failingForever());
		maestro.addService("skipped", false, new RecordingService("skipped"), "broken");
		maestro.startAll();
		assertThat(this.calls).containsExactly("run: STARTING services=2", "broken: starting",
				"broken: attempt STARTING 1 mdc=broken", "broken: startFailed", "skipped: startFailed",
				"run: STARTING done errors=2");
	}

	@Test
	void announcesNoRunForAGraphThatCannotStart() {
		Maestro maestro = Maestro.builder().listener(this.listener).build();
		maestro.addService("orphan", true, new RecordingService("orphan"), "missing");
		assertThat(maestro.startAll()).hasSize(1);
		assertThat(this.calls).isEmpty();
	}

	private void record(String serviceName, String call) {
		this.calls.add(serviceName + ": " + call);
	}

}
