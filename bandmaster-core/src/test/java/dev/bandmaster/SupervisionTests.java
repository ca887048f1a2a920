package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline.Event;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Supervision after the boot: a service found failing, by its check or a report, is
 * marked {@code FAILED}, its dependents are stopped before its own stop, it is restarted
 * as its {@link Restart} says, and its dependents after it; {@code stopAll} ends it all.
 * Time bounds are loose: they only catch hangs.
 */
class SupervisionTests extends BandTestSupport {

	private static final Duration LONG = Duration.ofSeconds(10);

	private final Events events = new Events();

	SupervisionTests() {
		this.maestro.addListener(this.events);
	}

	@AfterEach
	void stopEverything() {
		this.maestro.stopAll(LONG);
	}

	@Test
	void aFailedCheckStopsTheDependentsInReverseOrderThenTheServiceThenRestartsItThenThem() throws Exception {
		AtomicBoolean healthy = new AtomicBoolean(true);
		RecordingService db = supervised("db", Restart.ON_FAILURE, Duration.ofMillis(10)).onCheck(() -> {
			if (!healthy.getAndSet(true)) {
				throw new IllegalStateException("connection lost");
			}
		});
		RecordingService repo = add("repo", "db");
		RecordingService api = add("api", "repo");
		RecordingService cache = add("cache", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		awaitTrue(() -> db.checks() >= 1);
		long before = this.timeline.events().size();

		healthy.set(false);
		awaitTrue(() -> api.starts() == 2 && cache.starts() == 2 && this.maestro.state("api") == ServiceState.STARTED
				&& this.maestro.state("cache") == ServiceState.STARTED);

		// Step 2: the dependents, in reverse order, then the failed service's own stop.
		assertBefore(last("api", Kind.STOPPED), last("repo", Kind.STOP_BEGAN));
		assertBefore(last("repo", Kind.STOPPED), last("db", Kind.STOP_BEGAN));
		assertBefore(last("cache", Kind.STOPPED), last("db", Kind.STOP_BEGAN));
		// Steps 3 and 4: it starts again, then its dependents, in order.
		assertBefore(last("db", Kind.STOPPED), last("db", Kind.START_BEGAN));
		assertBefore(last("db", Kind.STARTED), last("repo", Kind.START_BEGAN));
		assertBefore(last("db", Kind.STARTED), last("cache", Kind.START_BEGAN));
		assertBefore(last("repo", Kind.STARTED), last("api", Kind.START_BEGAN));
		assertThat(this.timeline.events().subList((int) before, this.timeline.events().size()))
			.filteredOn((event) -> event.kind() == Kind.START_BEGAN || event.kind() == Kind.STOP_BEGAN)
			.hasSize(8);
		assertThat(List.of(db, repo, api, cache)).allSatisfy((service) -> {
			assertThat(service.starts()).isEqualTo(2);
			assertThat(service.stops()).isEqualTo(1);
			assertThat(service.violations()).isEmpty();
		});
		// Step 1: marked and told once, and the usual listener calls for the rest.
		assertThat(this.events.failed()).containsExactly("db: connection lost");
		assertThat(this.events.of("db")).containsSubsequence("failed", "stopping", "stopped", "starting", "started");
		ServiceSnapshot snapshot = this.maestro.snapshot("db");
		assertThat(snapshot.failures()).isEqualTo(1);
		assertThat(snapshot.lastFailedAt()).isNotNull();
		assertThat(snapshot.lastFailure()).hasMessage("connection lost");
		assertThat(snapshot.state()).isEqualTo(ServiceState.STARTED);
	}

	@Test
	void aReportedFailureIsHandledAsAFailedCheck() throws Exception {
		RecordingService db = supervised("db", Restart.ON_FAILURE, null);
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		this.maestro.reportFailure("db", new IllegalStateException("connection reset"));
		awaitTrue(() -> repo.starts() == 2 && this.maestro.state("repo") == ServiceState.STARTED);

		assertBefore(last("repo", Kind.STOPPED), last("db", Kind.STOP_BEGAN));
		assertBefore(last("db", Kind.STARTED), last("repo", Kind.START_BEGAN));
		assertThat(db.starts()).isEqualTo(2);
		assertThat(this.events.failed()).containsExactly("db: connection reset");
		assertThat(db.violations()).isEmpty();
		assertThat(repo.violations()).isEmpty();
	}

	@Test
	void aReportNamingNoServiceIsRefused() {
		add("db");
		assertThatExceptionOfType(BandmasterException.class)
			.isThrownBy(() -> this.maestro.reportFailure("dv", new IllegalStateException()))
			.satisfies((error) -> assertThat(error.kind()).isEqualTo(ErrorKind.SERVICE_UNKNOWN))
			.withMessageContaining("'dv'")
			.withMessageContaining("[db]");
	}

	@Test
	void aReportForAServiceNotStartedOrOutsideSupervisionIsIgnored() throws Exception {
		RecordingService db = supervised("db", Restart.ON_FAILURE, null);
		RecordingService feed = new RecordingService("feed", this.timeline).onStart(() -> {
			throw new IllegalStateException("down");
		});
		this.maestro.addService(ServiceDefinition.builder("feed", feed).required(false).build());
		this.maestro.reportFailure("db", new IllegalStateException("before the boot"));
		assertThat(this.maestro.startAll(LONG)).extracting(BandmasterException::serviceName).containsExactly("feed");

		this.maestro.reportFailure("feed", new IllegalStateException("not started"));
		Thread.sleep(100);
		assertThat(this.events.failed()).isEmpty();
		assertThat(feed.stops()).isZero();
		assertThat(db.starts()).isEqualTo(1);

		// A service whose stop failed is still started after stopAll, but no longer
		// supervised.
		db.onStop(() -> {
			throw new IllegalStateException("stuck");
		});
		assertThat(this.maestro.stopAll(LONG)).extracting(BandmasterException::kind)
			.containsExactly(ErrorKind.SERVICE_STOP_FAILURE);
		this.maestro.reportFailure("db", new IllegalStateException("after stopAll"));
		Thread.sleep(100);
		assertThat(this.events.failed()).isEmpty();
		assertThat(this.maestro.state("db")).isEqualTo(ServiceState.STARTED);
		assertThat(db.starts()).isEqualTo(1);
		db.onStop(() -> {
		});
	}

	@Test
	void stopAllCalledWhileARestartRunIsAboutToBeginLetsNoCallOfItBegin() throws Exception {
		RecordingService db = supervised("db", Restart.ON_FAILURE, null);
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean armed = new AtomicBoolean();
		this.maestro.addListener(new MaestroListener() {
			@Override
			public void runStarting(ServiceState transition, int services) {
				if (transition == ServiceState.STARTING && armed.getAndSet(false)) {
					entered.countDown();
					Pauses.awaitUninterruptibly(release);
				}
			}
		});
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		armed.set(true);
		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		Thread stopping = new Thread(() -> this.maestro.stopAll(LONG));
		stopping.start();
		Pauses.awaitTimedWaiting(stopping);
		release.countDown();
		stopping.join(LONG.toMillis());

		assertThat(db.starts()).isEqualTo(1);
		assertThat(this.maestro.state("db")).isEqualTo(ServiceState.FAILED);
		assertThat(this.events.of("db")).last().isEqualTo("startFailed");
	}

	@Test
	void aServiceThatNeverRestartsIsMarkedFailedItsDependentsStoppedAndNothingRestarted() throws Exception {
		RecordingService db = supervised("db", Restart.NEVER, Duration.ofMillis(10)).onCheck(() -> {
			throw new IllegalStateException("gone");
		});
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		awaitTrue(() -> db.stops() == 1);
		Thread.sleep(150);
		assertThat(this.maestro.state("db")).isEqualTo(ServiceState.FAILED);
		assertThat(this.maestro.state("repo")).isEqualTo(ServiceState.STOPPED);
		assertBefore(last("repo", Kind.STOPPED), last("db", Kind.STOP_BEGAN));
		assertThat(db.starts()).isEqualTo(1);
		assertThat(repo.starts()).isEqualTo(1);
		assertThat(db.checks()).isEqualTo(1);
		assertThat(this.events.failed()).containsExactly("db: gone");
		// The next startAll starts both again.
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		assertThat(db.starts()).isEqualTo(2);
		assertThat(repo.starts()).isEqualTo(2);
	}

	@Test
	void noCheckRunsWhileItsServiceIsNotStarted() throws Exception {
		// The next check is due while the service is failed and released.
		RecordingService db = supervised("db", Restart.NEVER, Duration.ofMillis(150));
		add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		awaitTrue(() -> db.checks() >= 1);

		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		awaitTrue(() -> db.stops() == 1);
		int checks = db.checks();
		Thread.sleep(400);

		assertThat(db.checks()).isEqualTo(checks);
		assertThat(db.violations()).isEmpty();
	}

	@Test
	void aStopWaitsForACheckUnderWayEvenOneThatIgnoresItsInterruption() throws Exception {
		CountDownLatch checking = new CountDownLatch(1);
		RecordingService db = supervised("db", Restart.ON_FAILURE, Duration.ofMillis(5)).onCheck(() -> {
			checking.countDown();
			Pauses.sleepUninterruptibly(Duration.ofMillis(200));
		});
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(this.maestro.stopAll(LONG)).isEmpty();

		assertThat(db.stops()).isEqualTo(1);
		assertThat(db.violations()).isEmpty();
		assertBefore(last("db", Kind.CHECK_BEGAN), last("db", Kind.STOP_BEGAN));
	}

	@Test
	void aRestartThatFailsIsTriedAgainWithBackoffUntilItStartsThenTheDependentsStart() throws Exception {
		AtomicInteger failingRestarts = new AtomicInteger();
		RecordingService db = new RecordingService("db", this.timeline).onStart(() -> {
			if (failingRestarts.getAndDecrement() > 0) {
				throw new IllegalStateException("still down");
			}
		});
		this.maestro.addService(ServiceDefinition.builder("db", db)
			.restart(Restart.ON_FAILURE)
			.retries(1)
			.initialBackoff(Duration.ofMillis(5))
			.maxBackoff(Duration.ofMillis(20))
			.build());
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		failingRestarts.set(5);
		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		awaitTrue(() -> this.maestro.state("repo") == ServiceState.STARTED && repo.starts() == 2);

		assertThat(db.starts()).isEqualTo(1 + 5 + 1);
		assertThat(repo.starts()).isEqualTo(2);
		assertBefore(last("db", Kind.STARTED), first("repo", Kind.START_BEGAN, 2));
		// Each restart attempt is a start of its own, more than the policy's one retry.
		assertThat(this.events.of("db")).filteredOn("startFailed"::equals).hasSize(5);
		assertThat(this.maestro.snapshot("db").failures()).isEqualTo(1);
	}

	@Test
	void aFailingStopOfTheFailedServiceIsReportedAndDoesNotPreventItsRestart() throws Exception {
		RecordingService db = supervised("db", Restart.ON_FAILURE, null).onStop(() -> {
			throw new IllegalStateException("could not close");
		});
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		awaitTrue(() -> repo.starts() == 2 && this.maestro.state("repo") == ServiceState.STARTED);

		assertThat(db.stops()).isEqualTo(1);
		assertThat(db.starts()).isEqualTo(2);
		assertThat(this.events.of("db")).containsSubsequence("failed", "stopping", "stopFailed", "starting", "started");
		db.onStop(() -> {
		});
	}

	@Test
	void anOptionalServiceThatFailedDuringStartAllAttachesLateWithItsDependents() throws Exception {
		AtomicInteger failures = new AtomicInteger(3);
		RecordingService feed = new RecordingService("feed", this.timeline).onStart(() -> {
			if (failures.getAndDecrement() > 0) {
				throw new IllegalStateException("partner down");
			}
		});
		this.maestro.addService(ServiceDefinition.builder("feed", feed)
			.required(false)
			.restart(Restart.ON_FAILURE)
			.initialBackoff(Duration.ofMillis(5))
			.build());
		RecordingService promotions = add("promotions", "feed");
		RecordingService catalog = add("catalog");

		assertThat(this.maestro.startAll(LONG)).extracting(BandmasterException::kind)
			.containsExactly(ErrorKind.SERVICE_START_FAILURE, ErrorKind.DEPENDENCY_UNAVAILABLE);
		awaitTrue(() -> this.maestro.state("promotions") == ServiceState.STARTED);

		assertThat(feed.starts()).isEqualTo(4);
		assertThat(promotions.starts()).isEqualTo(1);
		assertThat(catalog.starts()).isEqualTo(1);
		assertBefore(last("feed", Kind.STARTED), first("promotions", Kind.START_BEGAN, 1));
		assertThat(this.events.failed()).isEmpty();
	}

	@Test
	void stopAllDuringARestartsBackoffReturnsAndNothingStartsAfterwards() throws Exception {
		AtomicBoolean down = new AtomicBoolean();
		RecordingService db = new RecordingService("db", this.timeline).onStart(() -> {
			if (down.get()) {
				throw new IllegalStateException("still down");
			}
		});
		this.maestro.addService(ServiceDefinition.builder("db", db)
			.restart(Restart.ON_FAILURE)
			.initialBackoff(Duration.ofMillis(300))
			.build());
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		down.set(true);
		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		awaitTrue(() -> this.timeline.count("db", Kind.START_FAILED) == 1);

		long called = System.nanoTime();
		assertThat(this.maestro.stopAll(Duration.ofSeconds(5))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - called)).isLessThan(Duration.ofSeconds(5));
		long stoppedAt = this.timeline.events().size();
		Thread.sleep(700);

		assertThat(this.timeline.events().subList((int) stoppedAt, this.timeline.events().size())).isEmpty();
		assertThat(db.starts()).isEqualTo(2);
		assertThat(repo.starts()).isEqualTo(1);
		assertThat(this.maestro.state("db")).isEqualTo(ServiceState.FAILED);
		assertThat(this.maestro.state("repo")).isEqualTo(ServiceState.STOPPED);
	}

	@Test
	void stopAllDuringARestartAttemptInterruptsItReturnsWithinItsDeadlineAndNothingStartsAfterwards() throws Exception {
		AtomicBoolean hang = new AtomicBoolean();
		CountDownLatch never = new CountDownLatch(1);
		RecordingService db = new RecordingService("db", this.timeline).onStart(() -> {
			if (hang.get()) {
				never.await();
			}
		});
		this.maestro.addService(ServiceDefinition.builder("db", db).restart(Restart.ON_FAILURE).build());
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		hang.set(true);
		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		awaitTrue(() -> db.starts() == 2);

		long called = System.nanoTime();
		assertThat(this.maestro.stopAll(Duration.ofSeconds(5))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - called)).isLessThan(Duration.ofSeconds(5));
		awaitTrue(() -> this.timeline.count("db", Kind.START_FAILED) == 1);
		long stoppedAt = this.timeline.events().size();
		Thread.sleep(300);

		assertThat(this.timeline.events().subList((int) stoppedAt, this.timeline.events().size())).isEmpty();
		assertThat(db.starts()).isEqualTo(2);
		assertThat(repo.starts()).isEqualTo(1);
		assertThat(db.running()).isFalse();
		assertThat(this.maestro.state("db")).isEqualTo(ServiceState.FAILED);
		assertThat(this.events.of("db")).last().isEqualTo("startFailed");
	}

	@Test
	void aCheckThatHangsIsInterruptedAtTheStartTimeoutAndCountsAsAFailure() throws Exception {
		AtomicBoolean hang = new AtomicBoolean(true);
		AtomicInteger interrupted = new AtomicInteger();
		RecordingService db = new RecordingService("db", this.timeline).onCheck(() -> {
			if (hang.getAndSet(false)) {
				try {
					new CountDownLatch(1).await();
				}
				catch (InterruptedException ex) {
					interrupted.incrementAndGet();
					throw ex;
				}
			}
		});
		this.maestro.addService(ServiceDefinition.builder("db", db)
			.restart(Restart.ON_FAILURE)
			.checkInterval(Duration.ofMillis(10))
			.startTimeout(Duration.ofMillis(100))
			.build());
		RecordingService repo = add("repo", "db");
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		awaitTrue(() -> repo.starts() == 2 && this.maestro.state("repo") == ServiceState.STARTED);
		assertThat(interrupted).hasValue(1);
		assertThat(this.events.failedCauses()).singleElement()
			.isInstanceOf(TimeoutException.class)
			.satisfies((cause) -> assertThat(cause.getMessage()).contains("'db'", "check", "100ms"));
		assertBefore(last("db", Kind.CHECK_FAILED), last("db", Kind.STOP_BEGAN));
		assertThat(db.violations()).isEmpty();
	}

	@Test
	void twoServicesFailingAtOnceStopTheirSharedDependentOnceAndStartItOnceBothAreBack() throws Exception {
		RecordingService left = supervised("left", Restart.ON_FAILURE, null);
		RecordingService right = supervised("right", Restart.ON_FAILURE, null);
		RecordingService shared = add("shared", "left", "right");
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		// A start run under way holds supervision, so that both reports wait for one
		// pass.
		CountDownLatch release = new CountDownLatch(1);
		RecordingService late = new RecordingService("late", this.timeline).onStart(release::await);
		this.maestro.addService("late", false, late);
		Thread holding = new Thread(() -> this.maestro.start(List.of("late"), LONG));
		holding.start();
		awaitTrue(() -> late.starts() == 1);
		this.maestro.reportFailure("left", new IllegalStateException("left lost"));
		this.maestro.reportFailure("right", new IllegalStateException("right lost"));
		release.countDown();
		holding.join(LONG.toMillis());
		awaitTrue(() -> shared.starts() == 2 && this.maestro.state("shared") == ServiceState.STARTED);

		assertThat(shared.stops()).isEqualTo(1);
		assertBefore(last("shared", Kind.STOPPED), last("left", Kind.STOP_BEGAN));
		assertBefore(last("shared", Kind.STOPPED), last("right", Kind.STOP_BEGAN));
		assertBefore(last("left", Kind.STARTED), last("shared", Kind.START_BEGAN));
		assertBefore(last("right", Kind.STARTED), last("shared", Kind.START_BEGAN));
		assertThat(this.events.failed()).containsExactlyInAnyOrder("left: left lost", "right: right lost");
		assertThat(List.of(left, right, shared)).allSatisfy((service) -> assertThat(service.violations()).isEmpty());
	}

	@Test
	void theFailedListenerIsToldOncePerFailure() throws Exception {
		RecordingService db = supervised("db", Restart.ON_FAILURE, null);
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		CountDownLatch release = new CountDownLatch(1);
		RecordingService late = new RecordingService("late", this.timeline).onStart(release::await);
		this.maestro.addService("late", false, late);
		Thread holding = new Thread(() -> this.maestro.start(List.of("late"), LONG));
		holding.start();
		awaitTrue(() -> late.starts() == 1);
		for (int i = 1; i <= 3; i++) {
			this.maestro.reportFailure("db", new IllegalStateException("report " + i));
		}
		release.countDown();
		holding.join(LONG.toMillis());
		awaitTrue(() -> db.starts() == 2 && this.maestro.state("db") == ServiceState.STARTED);
		this.maestro.reportFailure("db", new IllegalStateException("again"));
		awaitTrue(() -> db.starts() == 3 && this.maestro.state("db") == ServiceState.STARTED);

		assertThat(this.events.failed()).containsExactly("db: report 1", "db: again");
		assertThat(this.maestro.snapshot("db").failures()).isEqualTo(2);
		assertThat(this.maestro.snapshot("db").lastFailure()).hasMessage("again");
	}

	@Test
	void noCheckRunsBeforeStartAllReturnsNorAfterStopAllAndStartAllResumesSupervision() throws Exception {
		AtomicBoolean healthy = new AtomicBoolean(true);
		CountDownLatch booting = new CountDownLatch(1);
		RecordingService db = supervised("db", Restart.ON_FAILURE, Duration.ofMillis(5)).onCheck(() -> {
			if (!healthy.getAndSet(true)) {
				throw new IllegalStateException("lost");
			}
		});
		add("slow", "db").onStart(() -> booting.await(100, TimeUnit.MILLISECONDS));
		assertThat(this.maestro.startAll(LONG)).isEmpty();
		assertThat(db.checks()).isZero();
		awaitTrue(() -> db.checks() >= 2);

		assertThat(this.maestro.stopAll(LONG)).isEmpty();
		int checksAtStop = db.checks();
		Thread.sleep(100);
		assertThat(db.checks()).isEqualTo(checksAtStop);

		assertThat(this.maestro.startAll(LONG)).isEmpty();
		awaitTrue(() -> db.checks() > checksAtStop);
		healthy.set(false);
		awaitTrue(() -> db.starts() == 3 && this.maestro.state("slow") == ServiceState.STARTED);
		assertThat(this.events.failed()).containsExactly("db: lost");
		assertThat(db.violations()).isEmpty();
	}

	@Test
	void aDependentWhoseStopFailsHoldsUpTheReleaseWhichIsTriedAgainBeforeTheRestart() throws Exception {
		RecordingService db = new RecordingService("db", this.timeline);
		this.maestro.addService(ServiceDefinition.builder("db", db)
			.restart(Restart.ON_FAILURE)
			.initialBackoff(Duration.ofMillis(10))
			.build());
		AtomicInteger failingStops = new AtomicInteger(1);
		RecordingService repo = add("repo", "db").onStop(() -> {
			if (failingStops.getAndDecrement() > 0) {
				throw new IllegalStateException("busy");
			}
		});
		assertThat(this.maestro.startAll(LONG)).isEmpty();

		this.maestro.reportFailure("db", new IllegalStateException("lost"));
		awaitTrue(() -> repo.starts() == 2 && this.maestro.state("repo") == ServiceState.STARTED);

		assertThat(repo.stops()).isEqualTo(2);
		assertThat(db.stops()).isEqualTo(1);
		assertThat(db.starts()).isEqualTo(2);
		assertBefore(last("repo", Kind.STOPPED), last("db", Kind.STOP_BEGAN));
		assertBefore(last("db", Kind.STOPPED), last("db", Kind.START_BEGAN));
		assertThat(db.violations()).isEmpty();
		assertThat(repo.violations()).isEmpty();
	}

	@Test
	void restartWaitsGrowAsThePolicySaysCappedByItsMaxBackoffOrTheDefault() {
		RetryPolicy uncapped = RetryPolicy.of(0, Duration.ofSeconds(1));
		assertThat(Supervisor.restartWait(uncapped, 1, 0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(Supervisor.restartWait(uncapped, 3, 0)).isEqualTo(Duration.ofSeconds(4));
		assertThat(Supervisor.restartWait(uncapped, 10, 0)).isEqualTo(Restart.DEFAULT_MAX_BACKOFF);
		assertThat(Supervisor.restartWait(uncapped, Integer.MAX_VALUE, 0)).isEqualTo(Restart.DEFAULT_MAX_BACKOFF);
		RetryPolicy capped = new RetryPolicy(0, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(2), 0.5);
		assertThat(Supervisor.restartWait(capped, 10, 0)).isEqualTo(Duration.ofMinutes(2));
		assertThat(Supervisor.restartWait(capped, 10, 0.5)).isEqualTo(Duration.ofSeconds(90));
	}

	private RecordingService supervised(String name, Restart restart, Duration checkInterval, String... dependencies) {
		RecordingService service = new RecordingService(name, this.timeline);
		this.maestro.addService(ServiceDefinition.builder(name, service)
			.restart(restart)
			.checkInterval(checkInterval)
			.dependsOn(dependencies)
			.build());
		return service;
	}

	private Event last(String service, Kind kind) {
		return this.timeline.last(service, kind).orElseThrow(() -> new AssertionError(service + " never " + kind));
	}

	/** The {@code nth} event of a kind for a service, from 1. */
	private Event first(String service, Kind kind, int nth) {
		List<Event> events = this.timeline.events(service).stream().filter((event) -> event.kind() == kind).toList();
		assertThat(events).as(service + " " + kind).hasSizeGreaterThanOrEqualTo(nth);
		return events.get(nth - 1);
	}

	private void assertBefore(Event earlier, Event later) {
		assertThat(earlier.sequence()).as(earlier + " before " + later + " in " + this.timeline)
			.isLessThan(later.sequence());
	}

	private void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		Pauses.awaitCondition(condition, LONG);
		assertThat(condition.getAsBoolean())
			.as("condition met within " + LONG + "; " + this.timeline + "; events " + this.events.all)
			.isTrue();
	}

	/** What listeners hear, as {@code service: call} and failures' causes. */
	static final class Events implements MaestroListener {

		final List<String> all = new CopyOnWriteArrayList<>();

		private final List<Throwable> causes = new CopyOnWriteArrayList<>();

		List<String> failed() {
			return this.all.stream()
				.filter((event) -> event.contains(" failed: "))
				.map((event) -> event.replace(" failed: ", ": "))
				.toList();
		}

		List<Throwable> failedCauses() {
			return List.copyOf(this.causes);
		}

		List<String> of(String service) {
			return this.all.stream()
				.filter((event) -> event.startsWith(service + " "))
				.map((event) -> event.substring(service.length() + 1).split(":")[0])
				.toList();
		}

		@Override
		public void failed(String serviceName, Throwable cause) {
			this.causes.add(cause);
			this.all.add(serviceName + " failed: " + cause.getMessage());
		}

		@Override
		public void starting(String serviceName) {
			this.all.add(serviceName + " starting");
		}

		@Override
		public void started(String serviceName, Duration duration, int attempts) {
			this.all.add(serviceName + " started");
		}

		@Override
		public void startFailed(BandmasterException failure) {
			this.all.add(failure.serviceName() + " startFailed");
		}

		@Override
		public void stopping(String serviceName) {
			this.all.add(serviceName + " stopping");
		}

		@Override
		public void stopped(String serviceName, Duration duration) {
			this.all.add(serviceName + " stopped");
		}

		@Override
		public void stopFailed(BandmasterException failure) {
			this.all.add(failure.serviceName() + " stopFailed");
		}

	}

}
