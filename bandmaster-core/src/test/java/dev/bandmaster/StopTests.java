package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code stopAll} walks the graph backwards: dependents first, independent services in
 * parallel, and a failed stop keeps what it depends on running.
 */
class StopTests extends BandTestSupport {

	@Test
	void stopsAServiceOnlyAfterAllItsDependentsStopped() {
		add("bottom");
		add("left", "bottom").onStop(() -> Thread.sleep(30));
		add("right", "bottom").onStop(() -> Thread.sleep(5));
		add("top", "left", "right").onStop(() -> Thread.sleep(10));
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll()).isEmpty();
		assertStoppedBefore("top", "left");
		assertStoppedBefore("top", "right");
		assertStoppedBefore("left", "bottom");
		assertStoppedBefore("right", "bottom");
		assertThat(List.of("bottom", "left", "right", "top"))
			.allSatisfy((name) -> assertThat(this.maestro.state(name)).isEqualTo(ServiceState.STOPPED));
	}

	@Test
	void stopsIndependentServicesInParallel() {
		int count = 6;
		CyclicBarrier allInside = new CyclicBarrier(count);
		add("base");
		for (int i = 0; i < count; i++) {
			add("s" + i, "base").onStop(() -> allInside.await(10, TimeUnit.SECONDS));
		}
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll()).isEmpty();
	}

	@Test
	void keepsAServiceWhoseStopFailsStartedAndItsDependenciesRunning() {
		RecordingService bottom = add("bottom");
		RecordingService middle = add("middle", "bottom");
		FlakyService failing = new FlakyService(0, Integer.MAX_VALUE);
		this.maestro.addService("failing", true, failing, "middle");
		RecordingService top = add("top", "failing");
		RecordingService other = add("other", "bottom");
		assertThat(this.maestro.startAll()).isEmpty();
		List<BandmasterException> errors = this.maestro.stopAll();
		assertThat(errors)
			.extracting(BandmasterException::kind, BandmasterException::serviceName, BandmasterException::parent)
			.containsExactly(tuple(ErrorKind.PARENT_UNAVAILABLE, "bottom", "middle"),
					tuple(ErrorKind.PARENT_UNAVAILABLE, "middle", "failing"),
					tuple(ErrorKind.SERVICE_STOP_FAILURE, "failing", null));
		assertThat(errors.get(2).getCause()).isInstanceOf(FlakyService.Failure.class);
		assertThat(errors.get(2).attempts()).isEqualTo(1);
		assertThat(top.running()).isFalse();
		assertThat(other.running()).isFalse();
		assertThat(bottom.stops()).isZero();
		assertThat(middle.stops()).isZero();
		assertThat(this.maestro.state("failing")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("middle")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("bottom")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("top")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void retriesAFailedStopWithTheServiceRetrySettings() {
		FlakyService flaky = new FlakyService(0, 2);
		this.maestro.addServiceWithBackoff("flaky", true, 2, Duration.ofMillis(30), flaky);
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(flaky.stopAttempts()).hasSize(3);
		long secondGap = (flaky.stopAttempts().get(2) - flaky.stopAttempts().get(1)) / 1_000_000;
		assertThat(secondGap).isGreaterThanOrEqualTo(50);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void aNewStopAllStopsWhatAFailedStopLeftRunning() {
		RecordingService bottom = add("bottom");
		FlakyService flaky = new FlakyService(0, 1);
		this.maestro.addService("flaky", true, flaky, "bottom");
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll()).hasSize(2);
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(bottom.stops()).isEqualTo(1);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void stopsOnlyServicesThatAreStarted() {
		this.maestro.addService("failed", true, FlakyService.failingForever());
		RecordingService skipped = add("skipped", "failed");
		RecordingService started = add("started");
		assertThat(this.maestro.startAll()).hasSize(2);
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(skipped.stops()).isZero();
		assertThat(started.stops()).isEqualTo(1);
		assertThat(started.violations()).isEmpty();
		assertThat(skipped.violations()).isEmpty();
		assertThat(this.maestro.state("failed")).isEqualTo(ServiceState.FAILED);
	}

	@Test
	void showsAServiceAsStoppingWhileItsStopRuns() {
		AtomicReference<ServiceState> during = new AtomicReference<>();
		add("a").onStop(() -> during.set(this.maestro.state("a")));
		this.maestro.startAll();
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(during).hasValue(ServiceState.STOPPING);
	}

	@Test
	void interruptsAHangingStopAfterItsStopTimeoutAndRetriesIt() {
		AtomicInteger calls = new AtomicInteger();
		RecordingService hangsOnce = new RecordingService("hangsOnce", this.timeline).onStop(() -> {
			if (calls.incrementAndGet() == 1) {
				new CountDownLatch(1).await();
			}
		});
		this.maestro.addService(ServiceDefinition.builder("hangsOnce", hangsOnce)
			.retries(1)
			.initialBackoff(Duration.ZERO)
			.stopTimeout(Duration.ofMillis(50))
			.build());
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(hangsOnce.stops()).isEqualTo(2);
		assertThat(this.maestro.state("hangsOnce")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void reportsAStopTimeoutAsATimeoutException() {
		RecordingService hangs = new RecordingService("hangs", this.timeline)
			.onStop(() -> new CountDownLatch(1).await());
		this.maestro.addService(ServiceDefinition.builder("hangs", hangs).stopTimeout(Duration.ofMillis(50)).build());
		RecordingService base = add("base");
		this.maestro.addService("onTop", true, new RecordingService("onTop", this.timeline), "hangs");
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_STOP_FAILURE);
			assertThat(error.getCause()).isInstanceOf(TimeoutException.class);
		});
		assertThat(base.stops()).isEqualTo(1);
		assertThat(this.maestro.state("hangs")).isEqualTo(ServiceState.STARTED);
	}

	private void assertStoppedBefore(String dependent, String dependency) {
		Timeline.Event stopped = this.timeline.last(dependent, Kind.STOPPED).orElseThrow();
		Timeline.Event began = this.timeline.first(dependency, Kind.STOP_BEGAN).orElseThrow();
		assertThat(stopped.sequence()).as("%s stopped before %s began stopping", dependent, dependency)
			.isLessThan(began.sequence());
	}

}
