package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.DoubleStream;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.HangingService;
import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Failed starts are retried with exponential backoff; a final failure takes every
 * dependent down with it, and nothing else.
 */
class RetryTests {

	/**
	 * How much earlier than its backoff a retry may come: timer and clock granularity.
	 */
	private static final long EARLY_MILLIS = 10;

	/**
	 * How much later than its backoff a retry may come on a loaded machine: generous, it
	 * only catches nonsense.
	 */
	private static final long LATE_MILLIS = 400;

	private final Timeline timeline = new Timeline();

	private final Maestro maestro = new Maestro();

	@Test
	void makesRetriesPlusOneAttemptsThenReportsStartFailureWithTheServiceCause() {
		FlakyService flaky = FlakyService.failingForever();
		this.maestro.addServiceWithBackoff("flaky", true, 3, Duration.ofMillis(1), flaky);
		List<BandmasterException> errors = this.maestro.startAll();
		assertThat(flaky.startAttempts()).hasSize(4);
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.serviceName()).isEqualTo("flaky");
			assertThat(error.attempts()).isEqualTo(4);
			assertThat(error.getCause()).isInstanceOf(FlakyService.Failure.class)
				.hasMessage("start attempt 4 failed on purpose");
		});
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.FAILED);
		assertThat(this.maestro.snapshot("flaky").lastError()).hasMessage("start attempt 4 failed on purpose");
	}

	@Test
	void makesASingleAttemptByDefault() {
		FlakyService flaky = FlakyService.failingForever();
		this.maestro.addService("flaky", true, flaky);
		assertThat(this.maestro.startAll()).singleElement()
			.satisfies((error) -> assertThat(error.attempts()).isEqualTo(1));
		assertThat(flaky.startAttempts()).hasSize(1);
	}

	@Test
	void startsAServiceOnTheAttemptThatSucceeds() {
		FlakyService flaky = new FlakyService(2);
		this.maestro.addServiceWithBackoff("flaky", true, 2, Duration.ofMillis(1), flaky);
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(flaky.startAttempts()).hasSize(3);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.snapshot("flaky").attempts()).isEqualTo(3);
	}

	@Test
	void spacesRetriesByAnExponentialBackoff() {
		FlakyService flaky = FlakyService.failingForever();
		this.maestro.addServiceWithBackoff("flaky", true, 3, Duration.ofMillis(40), flaky);
		this.maestro.startAll();
		assertGaps(flaky.startAttempts(), 40, 80, 160);
	}

	@Test
	void multipliesTheBackoffByTheConfiguredMultiplier() {
		FlakyService flaky = FlakyService.failingForever();
		this.maestro.addService(ServiceDefinition.builder("flaky", flaky)
			.retries(2)
			.initialBackoff(Duration.ofMillis(30))
			.multiplier(3)
			.build());
		this.maestro.startAll();
		assertGaps(flaky.startAttempts(), 30, 90);
	}

	@Test
	void capsTheBackoffAtTheMaximum() {
		FlakyService flaky = FlakyService.failingForever();
		// Uncapped, the waits would be 20 ms, 200 ms, 2 s, 20 s.
		this.maestro.addService(ServiceDefinition.builder("flaky", flaky)
			.retries(4)
			.initialBackoff(Duration.ofMillis(20))
			.multiplier(10)
			.maxBackoff(Duration.ofMillis(50))
			.build());
		this.maestro.startAll();
		assertGaps(flaky.startAttempts(), 20, 50, 50, 50);
	}

	@Test
	void jitterShortensEachBackoffByTheDrawnFractionOfTheJitter() {
		// The random draws are pinned, to values that make exact durations.
		PrimitiveIterator.OfDouble draws = DoubleStream.of(0, 0.5, 0.75, 0.25).iterator();
		List<Duration> delays = new CopyOnWriteArrayList<>();
		Maestro maestro = Maestro.builder().jitterSource(draws::nextDouble).listener(retryDelays(delays)).build();
		FlakyService flaky = FlakyService.failingForever();
		maestro.addService(ServiceDefinition.builder("flaky", flaky)
			.retries(4)
			.initialBackoff(Duration.ofMillis(60))
			.multiplier(1)
			.jitter(0.5)
			.build());
		maestro.startAll();
		assertThat(delays).containsExactly(Duration.ofMillis(60), Duration.ofMillis(45), Duration.ofNanos(37_500_000),
				Duration.ofNanos(52_500_000));
		List<Long> gaps = gapsInMillis(flaky.startAttempts());
		for (int i = 0; i < gaps.size(); i++) {
			assertThat(gaps.get(i)).as("gap before retry %d; all gaps %s", i + 1, gaps)
				.isGreaterThanOrEqualTo(delays.get(i).toMillis() - EARLY_MILLIS);
		}
	}

	@Test
	void jitterDrawsAFreshFractionForEachRetryByDefault() {
		List<Duration> delays = new CopyOnWriteArrayList<>();
		Maestro maestro = Maestro.builder().listener(retryDelays(delays)).build();
		maestro.addService(ServiceDefinition.builder("flaky", FlakyService.failingForever())
			.retries(6)
			.initialBackoff(Duration.ofMillis(20))
			.multiplier(1)
			.jitter(1)
			.build());
		maestro.startAll();
		assertThat(delays).hasSize(6)
			.allSatisfy((delay) -> assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofMillis(20)));
		assertThat(new HashSet<>(delays)).as("distinct delays among %s", delays).hasSizeGreaterThan(1);
	}

	@Test
	void computesTheBackoffOfEachRetry() {
		RetryPolicy goDefaults = RetryPolicy.of(10, Duration.ofMillis(500));
		assertThat(List.of(1, 2, 3, 4)).extracting(goDefaults::backoffBefore)
			.containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(4));
		RetryPolicy capped = new RetryPolicy(10, Duration.ofMillis(100), 3, Duration.ofMillis(500), 0);
		assertThat(List.of(1, 2, 3, 9)).extracting(capped::backoffBefore)
			.containsExactly(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(500),
					Duration.ofMillis(500));
		assertThat(RetryPolicy.of(1, Duration.ofSeconds(1)).backoffBefore(200)).isPositive();
	}

	@Test
	void jitterShortensByAtMostItsFraction() {
		RetryPolicy jittered = new RetryPolicy(3, Duration.ofMillis(1000), 2, null, 0.25);
		for (double random = 0; random < 1; random += 0.05) {
			assertThat(jittered.backoffBefore(2, random)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
		}
		assertThat(jittered.backoffBefore(2, 0)).isEqualTo(Duration.ofMillis(2000));
		assertThat(RetryPolicy.of(3, Duration.ofMillis(1000)).backoffBefore(1, 0.99)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void saturatesABackoffTooLongToCountInNanoseconds() {
		Duration centuries = Duration.ofDays(365L * 1000);
		assertThat(RetryPolicy.of(1, centuries).backoffBefore(1)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
		RetryPolicy capped = new RetryPolicy(1, Duration.ofMillis(10), 2, centuries, 0);
		assertThat(capped.backoffBefore(1)).isEqualTo(Duration.ofMillis(10));
		assertThat(capped.backoffBefore(100)).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
	}

	@Test
	void reportsAFailureWhoseRetryWouldWaitForCenturiesOnceTheDeadlinePasses() {
		FlakyService flaky = FlakyService.failingForever();
		List<Duration> delays = new CopyOnWriteArrayList<>();
		Maestro maestro = Maestro.builder().listener(retryDelays(delays)).build();
		maestro.addServiceWithBackoff("flaky", true, 1, Duration.ofDays(365L * 1000), flaky);
		assertThat(maestro.startAll(Duration.ofMillis(200))).singleElement()
			.satisfies((error) -> assertThat(error.getCause()).isInstanceOf(TimeoutException.class));
		assertThat(flaky.startAttempts()).hasSize(1);
		assertThat(delays).containsExactly(Duration.ofNanos(Long.MAX_VALUE));
	}

	@Test
	void skipsDependentsOfAFailedServiceWithoutCallingStart() {
		this.maestro.addService("a", true, FlakyService.failingForever());
		RecordingService b = add("b", true, "a");
		RecordingService c = add("c", false, "b");
		RecordingService e = add("e", true);
		RecordingService d = add("d", true, "e", "b");
		List<BandmasterException> errors = this.maestro.startAll();
		assertThat(errors)
			.extracting(BandmasterException::kind, BandmasterException::serviceName, BandmasterException::dependency,
					BandmasterException::required)
			.containsExactly(tuple(ErrorKind.SERVICE_START_FAILURE, "a", null, true),
					tuple(ErrorKind.DEPENDENCY_UNAVAILABLE, "b", "a", true),
					tuple(ErrorKind.DEPENDENCY_UNAVAILABLE, "c", "b", false),
					tuple(ErrorKind.DEPENDENCY_UNAVAILABLE, "d", "b", true));
		assertThat(List.of(b, c, d)).allSatisfy((skipped) -> {
			assertThat(skipped.starts()).isZero();
			assertThat(this.maestro.state(skipped.name())).isEqualTo(ServiceState.STOPPED);
		});
		assertThat(e.starts()).isEqualTo(1);
		assertThat(this.maestro.state("e")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("a")).isEqualTo(ServiceState.FAILED);
	}

	@Test
	void namesTheDirectDependencyThatIsUnavailableForEachSkippedService() {
		// Two failures under one dependent: it names one of its own direct dependencies,
		// never a deeper one.
		this.maestro.addService("root", true, FlakyService.failingForever());
		add("middle", true, "root");
		this.maestro.addService("other", true, FlakyService.failingForever());
		add("top", true, "middle", "other");
		List<BandmasterException> errors = this.maestro.startAll();
		assertThat(errors).filteredOn((error) -> error.serviceName().equals("top"))
			.singleElement()
			.satisfies((error) -> {
				assertThat(error.kind()).isEqualTo(ErrorKind.DEPENDENCY_UNAVAILABLE);
				assertThat(error.dependency()).isIn("middle", "other");
			});
		assertThat(errors).filteredOn((error) -> error.serviceName().equals("middle"))
			.singleElement()
			.extracting(BandmasterException::dependency)
			.isEqualTo("root");
		assertThat(errors).hasSize(4);
	}

	@Test
	void startsIndependentServicesWhileAnotherKeepsFailing() {
		FlakyService flaky = FlakyService.failingForever();
		this.maestro.addServiceWithBackoff("flaky", true, 2, Duration.ofMillis(5), flaky);
		RecordingService independent = add("independent", true);
		RecordingService onIndependent = add("onIndependent", true, "independent");
		assertThat(this.maestro.startAll()).extracting(BandmasterException::serviceName).containsExactly("flaky");
		assertThat(independent.running()).isTrue();
		assertThat(onIndependent.running()).isTrue();
	}

	@Test
	void reportsOptionalFailuresTooAndTellsTheyAreOptional() {
		this.maestro.addService("optional", false, FlakyService.failingForever());
		add("needsIt", true, "optional");
		assertThat(this.maestro.startAll())
			.extracting(BandmasterException::serviceName, BandmasterException::kind, BandmasterException::required)
			.containsExactly(tuple("optional", ErrorKind.SERVICE_START_FAILURE, false),
					tuple("needsIt", ErrorKind.DEPENDENCY_UNAVAILABLE, true));
	}

	@Test
	void interruptsAHangingAttemptAfterItsStartTimeoutAndRetriesIt() {
		HangingService hanging = new HangingService(1);
		this.maestro.addService(ServiceDefinition.builder("hanging", hanging)
			.retries(1)
			.initialBackoff(Duration.ZERO)
			.startTimeout(Duration.ofMillis(100))
			.build());
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(hanging.attempts()).isEqualTo(2);
		assertThat(hanging.interruptions()).isEqualTo(1);
		assertThat(this.maestro.snapshot("hanging").attempts()).isEqualTo(2);
	}

	@Test
	void reportsAStartTimeoutAsATimeoutExceptionOnceRetriesAreExhausted() {
		HangingService hanging = HangingService.forever();
		this.maestro.addService(ServiceDefinition.builder("hanging", hanging)
			.retries(1)
			.initialBackoff(Duration.ZERO)
			.startTimeout(Duration.ofMillis(50))
			.build());
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_START_FAILURE);
			assertThat(error.attempts()).isEqualTo(2);
			assertThat(error.getCause()).isInstanceOf(TimeoutException.class);
		});
		assertThat(hanging.interruptions()).isEqualTo(2);
		assertThat(this.maestro.state("hanging")).isEqualTo(ServiceState.FAILED);
	}

	@Test
	void neverRetriesAVirtualMachineErrorOrALinkageErrorAndSaysWhy() {
		Throwing outOfMemory = new Throwing(new OutOfMemoryError("Java heap space"), null);
		Throwing noClass = new Throwing(new NoClassDefFoundError("com/example/Driver"), null);
		Throwing ordinary = new Throwing(new IllegalStateException("refused"), null);
		for (Throwing service : List.of(outOfMemory, noClass, ordinary)) {
			this.maestro.addService(ServiceDefinition.builder(service.error.getClass().getSimpleName(), service)
				.retries(3)
				.initialBackoff(Duration.ZERO)
				.build());
		}
		List<BandmasterException> errors = this.maestro.startAll(Duration.ofSeconds(10));
		assertThat(errors)
			.extracting(BandmasterException::serviceName, BandmasterException::attempts, BandmasterException::fatal)
			.containsExactly(tuple("OutOfMemoryError", 1, true), tuple("NoClassDefFoundError", 1, true),
					tuple("IllegalStateException", 4, false));
		assertThat(errors.get(0)).hasMessageContaining("not retried: a VirtualMachineError")
			.hasCause(outOfMemory.error);
		assertThat(errors.get(1)).hasMessageContaining("not retried: a LinkageError").hasCause(noClass.error);
		assertThat(errors.get(2).getMessage()).doesNotContain("not retried");
		assertThat(outOfMemory.starts.get()).isEqualTo(1);
		assertThat(noClass.starts.get()).isEqualTo(1);
		assertThat(ordinary.starts.get()).isEqualTo(4);
	}

	@Test
	void neverRetriesAStopThatThrowsALinkageError() {
		Throwing service = new Throwing(null, new ExceptionInInitializerError("static init failed"));
		this.maestro
			.addService(ServiceDefinition.builder("linked", service).retries(3).initialBackoff(Duration.ZERO).build());
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).isEmpty();
		assertThat(this.maestro.stopAll(Duration.ofSeconds(10))).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_STOP_FAILURE);
			assertThat(error.attempts()).isEqualTo(1);
			assertThat(error.fatal()).isTrue();
		});
		assertThat(service.stops.get()).isEqualTo(1);
		assertThat(this.maestro.state("linked")).isEqualTo(ServiceState.STARTED);
	}

	private RecordingService add(String name, boolean required, String... dependencies) {
		RecordingService service = new RecordingService(name, this.timeline);
		this.maestro.addService(name, required, service, dependencies);
		return service;
	}

	private static MaestroListener retryDelays(List<Duration> delays) {
		return new MaestroListener() {

			@Override
			public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
					Throwable error) {
				delays.add(delay);
			}

		};
	}

	private static void assertGaps(List<Long> attempts, long... expectedMillis) {
		List<Long> gaps = gapsInMillis(attempts);
		assertThat(gaps).as("gaps between attempts").hasSize(expectedMillis.length);
		for (int i = 0; i < expectedMillis.length; i++) {
			assertThat(gaps.get(i))
				.as("gap before retry %d, expected about %d ms; all gaps %s", i + 1, expectedMillis[i], gaps)
				.isBetween(expectedMillis[i] - EARLY_MILLIS, expectedMillis[i] + LATE_MILLIS);
		}
	}

	private static List<Long> gapsInMillis(List<Long> nanoTimes) {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < nanoTimes.size(); i++) {
			gaps.add((nanoTimes.get(i) - nanoTimes.get(i - 1)) / 1_000_000);
		}
		return gaps;
	}

	/** A service whose start or stop throws the given error every time. */
	private static final class Throwing implements Service {

		private final AtomicInteger starts = new AtomicInteger();

		private final AtomicInteger stops = new AtomicInteger();

		private final @Nullable Throwable error;

		private final @Nullable Throwable stopError;

		Throwing(@Nullable Throwable error, @Nullable Throwable stopError) {
			this.error = error;
			this.stopError = stopError;
		}

		@Override
		public void start(Dependencies dependencies) throws Exception {
			this.starts.incrementAndGet();
			throwIfSet(this.error);
		}

		@Override
		public void stop() throws Exception {
			this.stops.incrementAndGet();
			throwIfSet(this.stopError);
		}

		private static void throwIfSet(@Nullable Throwable error) throws Exception {
			if (error instanceof Exception exception) {
				throw exception;
			}
			if (error instanceof Error fatal) {
				throw fatal;
			}
		}

	}

}
