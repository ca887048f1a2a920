package dev.bandmaster;

import dev.bandmaster.ServiceRun.Phase;
import dev.bandmaster.testkit.RecordingService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ServiceRun}'s transition table: the allowed transitions, and an
 * {@link AssertionError} naming the service and its phase for any other.
 */
class ServiceRunTests {

	private final Registration node = new Registration(
			ServiceDefinition.builder("db", new RecordingService("db")).build(), () -> 0.5, new MaestroListener() {
			});

	private final ServiceRun run = new ServiceRun(this.node);

	private final BandmasterException failure = BandmasterException.startFailure("db", true, 1,
			new IllegalStateException("down"));

	@Test
	void goesFromWaitingThroughLaunchedToResolved() {
		synchronized (this.node) {
			assertThat(this.run.isWaiting()).isTrue();
			this.run.launch();
			assertThat(this.run.announced()).isNull();
			assertThat(this.run.isLaunched()).isTrue();
			this.run.attempting(() -> {
			}, 1);
			this.run.succeeded();
			assertThat(this.run.isResolved()).isTrue();
			assertThat(this.run.isWaiting()).as("resolved meanwhile").isFalse();
			assertThat(this.run.isLaunched()).as("resolved meanwhile").isFalse();
		}
	}

	@Test
	void waitsForAnEarlierCallBeforeItsLaunch() {
		synchronized (this.node) {
			this.run.awaitCall();
			assertThat(this.run.phase()).isEqualTo(Phase.AWAITING_CALL);
			assertThat(this.run.isBeforeLaunch()).isTrue();
			this.run.resolveUnneeded();
			assertThat(this.run.isResolved()).isTrue();
		}
	}

	@Test
	void aCancellationDuringAnAnnouncementLeavesTheFailureToTheAnnouncer() {
		synchronized (this.node) {
			this.run.launch();
			assertThat(this.run.cancel(this.failure)).isTrue();
			assertThat(this.run.announced()).isSameAs(this.failure);
		}
		assertThat(this.run.error()).isSameAs(this.failure);
	}

	@Test
	void refusesEveryTransitionTheTableDoesNotHave() {
		synchronized (this.node) {
			assertThatExceptionOfType(AssertionError.class).isThrownBy(this.run::succeeded)
				.withMessage("Service 'db' cannot go from LAUNCHED to RESOLVED in phase WAITING"
						+ " (attempts 0, announcing false)");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.run.failed(this.failure))
				.withMessageContaining("in phase WAITING");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(this.run::announced)
				.withMessageContaining("cannot end an announcement it did not make");
			this.run.launch();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(this.run::launch)
				.withMessageContaining("cannot be launched twice in phase LAUNCHED");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(this.run::isWaiting)
				.withMessageContaining("cannot be found WAITING in phase LAUNCHED");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.run.skipped(this.failure))
				.withMessageContaining("cannot go from WAITING to RESOLVED in phase LAUNCHED");
			this.run.cancel(this.failure);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.run.cancel(this.failure))
				.withMessageContaining("cannot be cancelled in phase RESOLVED");
			assertThatExceptionOfType(AssertionError.class).isThrownBy(this.run::awaitCall)
				.withMessageContaining("in phase RESOLVED");
		}
	}

	@Test
	void requiresTheServicesMonitor() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.run::launch);
	}

}
