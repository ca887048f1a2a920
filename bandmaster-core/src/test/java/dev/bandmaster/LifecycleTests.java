package dev.bandmaster;

import java.time.Duration;
import java.util.List;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code startAll} and {@code stopAll} are idempotent, and a graph can be started again
 * after a failure or a stop.
 */
class LifecycleTests extends BandTestSupport {

	@Test
	void startAllOnAStartedGraphStartsNothingAndReportsNothing() {
		RecordingService a = add("a");
		RecordingService b = add("b", "a");
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(a.starts()).isEqualTo(1);
		assertThat(b.starts()).isEqualTo(1);
	}

	@Test
	void aNewStartAllRetriesOnlyWhatIsNotStarted() {
		FlakyService flaky = new FlakyService(1);
		this.maestro.addService("flaky", true, flaky);
		RecordingService dependent = add("dependent", "flaky");
		RecordingService independent = add("independent");
		assertThat(this.maestro.startAll()).extracting(BandmasterException::kind)
			.containsExactly(ErrorKind.SERVICE_START_FAILURE, ErrorKind.DEPENDENCY_UNAVAILABLE);
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(flaky.startAttempts()).hasSize(2);
		assertThat(dependent.starts()).isEqualTo(1);
		assertThat(independent.starts()).isEqualTo(1);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.snapshot("flaky").attempts()).isEqualTo(1);
	}

	@Test
	void stopAllOnStoppedServicesIsANoOp() {
		RecordingService a = add("a");
		assertThat(this.maestro.stopAll()).isEmpty();
		this.maestro.startAll();
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(this.maestro.stopAll()).isEmpty();
		assertThat(a.stops()).isEqualTo(1);
		assertThat(a.violations()).isEmpty();
	}

	@Test
	void startAllAfterStopAllStartsEverythingAgain() {
		RecordingService a = add("a");
		RecordingService b = add("b", "a");
		for (int cycle = 1; cycle <= 3; cycle++) {
			assertThat(this.maestro.startAll()).isEmpty();
			assertThat(this.maestro.stopAll()).isEmpty();
			assertThat(a.starts()).isEqualTo(cycle);
			assertThat(b.stops()).isEqualTo(cycle);
		}
		assertThat(List.of(a, b)).allSatisfy((service) -> assertThat(service.violations()).isEmpty());
	}

	@Test
	void aServiceAddedAfterStartAllIsStartedByTheNextOneAlone() {
		RecordingService a = add("a");
		assertThat(this.maestro.startAll()).isEmpty();
		RecordingService late = add("late", "a");
		assertThat(this.maestro.state("late")).isEqualTo(ServiceState.STOPPED);
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(a.starts()).isEqualTo(1);
		assertThat(late.starts()).isEqualTo(1);
		assertThat(late.lastDependencies().get("a")).isSameAs(a);
	}

	@Test
	void aStopThatFailedLeavesTheServiceStartedForTheNextStartAll() {
		FlakyService flaky = new FlakyService(0, 1);
		this.maestro.addService("flaky", true, flaky);
		this.maestro.startAll();
		assertThat(this.maestro.stopAll()).hasSize(1);
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(flaky.startAttempts()).hasSize(1);
	}

	@Test
	void snapshotsTellTheLatestStart() {
		FlakyService flaky = new FlakyService(1);
		this.maestro.addServiceWithBackoff("flaky", false, 1, Duration.ofMillis(1), flaky);
		this.maestro.startAll();
		ServiceSnapshot snapshot = this.maestro.snapshot("flaky");
		assertThat(snapshot.state()).isEqualTo(ServiceState.STARTED);
		assertThat(snapshot.attempts()).isEqualTo(2);
		assertThat(snapshot.startedAt()).isNotNull();
		assertThat(snapshot.startDuration()).isNotNull().isPositive();
		assertThat(snapshot.lastError()).isInstanceOf(FlakyService.Failure.class);
		assertThat(this.maestro.services()).extracting(ServiceSnapshot::name).containsExactly("flaky");
	}

}
