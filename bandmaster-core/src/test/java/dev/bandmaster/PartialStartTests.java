package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Maestro#start(java.util.Collection, Duration)} starts a part of the graph: the
 * named services and what they depend on, as a {@code startAll} of that part would.
 */
class PartialStartTests extends BandTestSupport {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void startsTheNamedServiceAndEverythingItDependsOnAndNothingElse() {
		RecordingService database = add("database");
		RecordingService pool = add("pool", "database");
		RecordingService cache = add("cache");
		RecordingService catalog = add("catalog", "pool");
		assertThat(this.maestro.start(List.of("pool"), TIMEOUT)).isEmpty();
		assertThat(database.starts()).isOne();
		assertThat(pool.starts()).isOne();
		assertThat(cache.starts()).isZero();
		assertThat(catalog.starts()).isZero();
		assertThat(this.maestro.state("cache")).isEqualTo(ServiceState.STOPPED);
		assertThat(sequence("database", Kind.STARTED)).isLessThan(sequence("pool", Kind.START_BEGAN));
	}

	@Test
	void aLaterStartAllStartsTheRestWithoutStartingTheFirstPartAgain() {
		RecordingService database = add("database");
		RecordingService catalog = add("catalog", "database");
		assertThat(this.maestro.start(List.of("database"), TIMEOUT)).isEmpty();
		assertThat(this.maestro.startAll(TIMEOUT)).isEmpty();
		assertThat(database.starts()).isOne();
		assertThat(catalog.starts()).isOne();
		assertThat(catalog.lastDependencies().get("database", RecordingService.class)).isSameAs(database);
	}

	@Test
	void stopAllStopsWhatAPartialStartStartedInReverseOrder() {
		add("database");
		add("pool", "database");
		assertThat(this.maestro.start(List.of("pool"), TIMEOUT)).isEmpty();
		assertThat(this.maestro.stopAll(TIMEOUT)).isEmpty();
		assertThat(sequence("pool", Kind.STOPPED)).isLessThan(sequence("database", Kind.STOP_BEGAN));
	}

	@Test
	void retriesAsItsPolicySaysAndTellsTheListeners() {
		List<String> heard = new ArrayList<>();
		this.maestro.addListener(new MaestroListener() {

			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable cause) {
				heard.add(serviceName + " retry " + attempt);
			}

			@Override
			public void started(String serviceName, Duration duration, int attempts) {
				heard.add(serviceName + " started after " + attempts);
			}

		});
		FlakyService gate = new FlakyService(2);
		this.maestro.addServiceWithBackoff("gate", true, 3, Duration.ofMillis(1), gate);
		assertThat(this.maestro.start(List.of("gate"), TIMEOUT)).isEmpty();
		assertThat(heard).containsExactly("gate retry 1", "gate retry 2", "gate started after 3");
	}

	@Test
	void reportsAFailureOfThePartWithoutTouchingTheRest() {
		this.maestro.addService("gate", true, FlakyService.failingForever());
		RecordingService other = add("other");
		List<BandmasterException> errors = this.maestro.start(List.of("gate"), TIMEOUT);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.serviceName()).isEqualTo("gate");
		});
		assertThat(other.starts()).isZero();
	}

	@Test
	void aMissingDependencyOrALoopWithinThePartStartsNothing() {
		RecordingService database = add("database");
		add("pool", "database", "credentials");
		List<BandmasterException> errors = this.maestro.start(List.of("pool"), TIMEOUT);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.DEPENDENCY_MISSING);
			assertThat(error.dependency()).isEqualTo("credentials");
		});
		assertThat(database.starts()).isZero();
	}

	@Test
	void problemsOutsideThePartDoNotStopIt() {
		RecordingService database = add("database");
		add("a", "b");
		add("b", "a", "nowhere");
		assertThat(this.maestro.validate()).isNotEmpty();
		assertThat(this.maestro.start(List.of("database"), TIMEOUT)).isEmpty();
		assertThat(database.starts()).isOne();
	}

	@Test
	void refusesANameThatIsNotRegistered() {
		add("database");
		assertThatIllegalArgumentException().isThrownBy(() -> this.maestro.start(List.of("databse"), TIMEOUT))
			.withMessageContaining("[databse]")
			.withMessageContaining("[database]");
	}

	private long sequence(String service, Kind kind) {
		return this.timeline.first(service, kind).orElseThrow().sequence();
	}

}
