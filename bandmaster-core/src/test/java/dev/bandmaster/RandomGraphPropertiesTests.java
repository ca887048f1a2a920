package dev.bandmaster;

import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants checked over random graphs with random start and stop failures (some of them
 * hanging starts that their attempt's timeout ends), backoffs from none to 15 ms, and one
 * to three concurrent {@code startAll} callers: the same 200 seeds every run
 * ({@code -Dbandmaster.cases=N} runs more, to hunt rare interleavings), then 50 fresh
 * ones ({@code -Dbandmaster.fresh=N}), printed at the start. Each case is generated from
 * its seed alone: every failure message starts with the seed and the graph, and
 * {@code -Dbandmaster.seed=N} runs that one case again.
 * <ul>
 * <li>no service starts before its dependencies have started;</li>
 * <li>a service whose start finally fails is {@code SERVICE_START_FAILURE}, and every
 * transitive dependent is {@code DEPENDENCY_UNAVAILABLE}, naming a direct dependency that
 * did not start, and is never called;</li>
 * <li>nothing else is reported, and every other service starts;</li>
 * <li>no dependency stops before its dependents; every started service is stopped by
 * {@code stopAll}, except those whose stop finally fails ({@code SERVICE_STOP_FAILURE})
 * and, transitively, their dependencies ({@code PARENT_UNAVAILABLE}, never called);</li>
 * <li>a second {@code startAll} calls nothing that the first started, and tries the rest
 * again;</li>
 * <li>a boot cut short by its deadline reports each service not started once, leaves no
 * started service with a dependency not started, and a {@code stopAll} after it stops
 * everything without calling any service twice at once.</li>
 * <li>with failures injected after the boot (reports, from one or two threads, and
 * failing checks), each service restarting on failure or never, restarts that fail at
 * random (and stops that never fail, whose failures {@code SupervisionTests} pins): no
 * service starts while one of its dependencies is not started, none stops while one of
 * its dependents is running, no check runs while its service is not started, no call of a
 * service overlaps another; once quiet, every started service's dependencies are started
 * and nothing that could come back is left down; and after {@code stopAll}, nothing
 * starts or is checked.</li>
 * </ul>
 */
class RandomGraphPropertiesTests {

	/**
	 * Fresh seeds, drawn once per run and shared by every property, so that CI sees new
	 * graphs each time; printed, so that a failure seen once can be replayed.
	 */
	private static final long[] FRESH_SEEDS = freshSeeds(Integer.getInteger("bandmaster.fresh", 50));

	static LongStream seeds() {
		String replay = System.getProperty("bandmaster.seed");
		if (replay != null) {
			return LongStream.of(Long.parseLong(replay.trim()));
		}
		return LongStream.concat(LongStream.range(0, Long.getLong("bandmaster.cases", 200)),
				LongStream.of(FRESH_SEEDS));
	}

	private static long[] freshSeeds(int count) {
		long[] seeds = new SecureRandom().longs(count).toArray();
		System.out.println("RandomGraphPropertiesTests: " + count + " fresh seeds this run, after the fixed ones "
				+ "(replay one with -Dbandmaster.seed=N): " + Arrays.toString(seeds));
		return seeds;
	}

	/**
	 * Runs one case so that whatever fails in it, an assertion or an unexpected exception
	 * (an {@code orElseThrow()} on a missing event included), says the seed to replay.
	 */
	private static void replayable(long seed, Runnable check) {
		try {
			check.run();
		}
		catch (Throwable ex) {
			String replay = "seed " + seed + " (replay with -Dbandmaster.seed=" + seed + ")";
			if (ex instanceof AssertionError && String.valueOf(ex.getMessage()).contains(replay)) {
				throw ex;
			}
			throw new AssertionError(replay + " failed: " + ex + "; graph:" + RandomGraph.generate(seed), ex);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void startAndStopKeepEveryInvariantOnARandomGraph(long seed) {
		replayable(seed, () -> startAndStopKeepEveryInvariant(seed));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aSecondStartAllStartsOnlyWhatTheFirstDidNot(long seed) {
		replayable(seed, () -> secondStartAllStartsOnlyWhatTheFirstDidNot(seed));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aBootCutShortByItsDeadlineReportsEveryServiceNotStartedAndStopsCleanly(long seed) {
		replayable(seed, () -> bootCutShortReportsEveryServiceNotStartedAndStopsCleanly(seed));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void failuresInjectedAfterTheBootKeepEveryInvariantOnARandomGraph(long seed) {
		replayable(seed, () -> failuresAfterTheBootKeepEveryInvariant(seed));
	}

	private static void failuresAfterTheBootKeepEveryInvariant(long seed) {
		RandomGraph graph = RandomGraph.generate(seed);
		SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
		Timeline timeline = new Timeline();
		Maestro maestro = new Maestro();
		Check check = new Check(seed, graph);
		List<String> breaches = new CopyOnWriteArrayList<>();
		AtomicBoolean booted = new AtomicBoolean();
		RecordingService[] services = new RecordingService[graph.size];
		Restart[] restarts = new Restart[graph.size];
		for (int index : graph.registrationOrder) {
			Node node = graph.nodes[index];
			restarts[index] = (random.nextDouble() < 0.7) ? Restart.ON_FAILURE : Restart.NEVER;
			Duration checkInterval = (random.nextDouble() < 0.3) ? Duration.ofMillis(1 + random.nextInt(5)) : null;
			AtomicInteger failingChecks = new AtomicInteger((random.nextDouble() < 0.5) ? 1 : 0);
			SplittableRandom restartFailures = random.split();
			AtomicInteger startCalls = new AtomicInteger();
			services[index] = new RecordingService(node.name, timeline).onStart(() -> {
				for (int dependency : node.dependencies) {
					ServiceState state = maestro.state(graph.nodes[dependency].name);
					if (state != ServiceState.STARTED) {
						breaches.add(node.name + " started while its dependency " + graph.nodes[dependency].name
								+ " was " + state);
					}
				}
				boolean fails;
				synchronized (restartFailures) {
					fails = booted.get() ? restartFailures.nextDouble() < 0.3
							: startCalls.incrementAndGet() <= node.startFailures;
				}
				if (fails) {
					throw new IllegalStateException(node.name + " start fails on purpose");
				}
			}).onStop(() -> {
				for (int dependent : graph.dependents(index)) {
					ServiceState state = maestro.state(graph.nodes[dependent].name);
					if (state != ServiceState.STOPPED && state != ServiceState.FAILED) {
						breaches.add(node.name + " stopped while its dependent " + graph.nodes[dependent].name + " was "
								+ state);
					}
				}
			}).onCheck(() -> {
				if (failingChecks.getAndDecrement() > 0) {
					throw new IllegalStateException(node.name + " check fails on purpose");
				}
			});
			String[] dependencies = new String[node.dependencies.length];
			for (int k = 0; k < dependencies.length; k++) {
				dependencies[k] = graph.nodes[node.dependencies[k]].name;
			}
			maestro.addService(ServiceDefinition.builder(node.name, services[index])
				.required(node.required)
				.dependsOn(dependencies)
				.retries(node.retries)
				.initialBackoff(node.backoff)
				.startTimeout(node.startTimeout)
				.restart(restarts[index])
				.checkInterval(checkInterval)
				.build());
		}
		maestro.startAll(Duration.ofSeconds(30));
		booted.set(true);

		int injections = 1 + random.nextInt(6);
		int injectors = 1 + random.nextInt(2);
		long injectionSeed = random.nextLong();
		concurrently(injectors, () -> {
			SplittableRandom picks = new SplittableRandom(injectionSeed ^ Thread.currentThread().getId());
			for (int i = 0; i < injections; i++) {
				Node node = graph.nodes[picks.nextInt(graph.size)];
				maestro.reportFailure(node.name, new IllegalStateException(node.name + " reported failing"));
				Pauses.sleepUninterruptibly(Duration.ofNanos(picks.nextInt(3_000_000)));
			}
			return null;
		});
		awaitQuiet(maestro, graph, timeline, restarts, check);

		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			if (maestro.state(node.name) == ServiceState.STARTED) {
				for (int dependency : node.dependencies) {
					assertThat(maestro.state(graph.nodes[dependency].name))
						.as(check.about(node, "a started service's dependency " + graph.nodes[dependency].name))
						.isEqualTo(ServiceState.STARTED);
				}
			}
		}
		assertThat(maestro.stopAll(Duration.ofSeconds(30)).stream().map(BandmasterException::kind).distinct())
			.as(check.about("stopAll after the failures reports only stop failures"))
			.isSubsetOf(ErrorKind.SERVICE_STOP_FAILURE, ErrorKind.PARENT_UNAVAILABLE);
		long stoppedAt = timeline.events().size();
		Pauses.sleepUninterruptibly(Duration.ofMillis(20));
		assertThat(timeline.events().subList((int) stoppedAt, timeline.events().size()))
			.as(check.about("what services did after stopAll returned"))
			.isEmpty();
		assertThat(breaches).as(check.about("dependencies and dependents not in order")).isEmpty();
		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			assertThat(services[i].violations()).as(check.about(node, "contract violations")).isEmpty();
			assertThat(services[i].running()).as(check.about(node, "running after stopAll"))
				.isEqualTo(maestro.state(node.name) == ServiceState.STARTED);
		}
	}

	/**
	 * Waits until nothing is moving and nothing is left to come back: no service starting
	 * or stopping, none that restarts on failure down with its dependencies up, none
	 * stopped with its dependencies up; and no start or stop for a while.
	 */
	private static void awaitQuiet(Maestro maestro, RandomGraph graph, Timeline timeline, Restart[] restarts,
			Check check) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		long moves = -1;
		while (System.nanoTime() - deadline < 0) {
			long now = timeline.events()
				.stream()
				.filter((event) -> event.kind() != Kind.CHECK_BEGAN && event.kind() != Kind.CHECK_FAILED)
				.count();
			if (now == moves && settled(maestro, graph, restarts)) {
				return;
			}
			moves = now;
			Pauses.sleepUninterruptibly(Duration.ofMillis(20));
		}
		StringBuilder states = new StringBuilder();
		for (Node node : graph.nodes) {
			ServiceSnapshot snapshot = maestro.snapshot(node.name);
			states.append("\n    ")
				.append(node.name)
				.append('=')
				.append(snapshot.state())
				.append(' ')
				.append(restarts[node.index])
				.append(" failures=")
				.append(snapshot.failures())
				.append(" attempts=")
				.append(snapshot.attempts())
				.append(" lastError=")
				.append(snapshot.lastError());
		}
		throw new AssertionError(check.about("never quiet after the failures:" + states));
	}

	private static boolean settled(Maestro maestro, RandomGraph graph, Restart[] restarts) {
		for (Node node : graph.nodes) {
			ServiceState state = maestro.state(node.name);
			boolean dependenciesUp = true;
			for (int dependency : node.dependencies) {
				dependenciesUp &= maestro.state(graph.nodes[dependency].name) == ServiceState.STARTED;
			}
			boolean waiting = (state == ServiceState.STOPPED
					|| (state == ServiceState.FAILED && restarts[node.index] == Restart.ON_FAILURE)) && dependenciesUp;
			if (state == ServiceState.STARTING || state == ServiceState.STOPPING || waiting) {
				return false;
			}
		}
		return true;
	}

	private static void startAndStopKeepEveryInvariant(long seed) {
		RandomGraph graph = RandomGraph.generate(seed);
		Timeline timeline = new Timeline();
		Maestro maestro = new Maestro();
		RecordingService[] services = graph.register(maestro, timeline);
		Check check = new Check(seed, graph);

		// Several callers at once: their runs take turns, each one trying again what the
		// one before left failed, so each caller's errors are those of one of the runs.
		int callers = 1 + new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L).nextInt(3);
		List<Outcome[]> runs = new ArrayList<>();
		int[] startCalls = new int[graph.size];
		Outcome[] starts = null;
		for (int run = 0; run < callers; run++) {
			starts = graph.nextStartRun(starts, startCalls);
			runs.add(starts);
		}
		List<List<BandmasterException>> startErrors = concurrently(callers,
				() -> maestro.startAll(Duration.ofSeconds(30)));
		// Each run leaves fewer services down than the one before (never more), which
		// tells which run a caller's errors come from.
		startErrors.sort(Comparator.comparingInt((List<BandmasterException> errors) -> errors.size()).reversed());
		for (int run = 0; run < callers; run++) {
			check.errors("startAll", startErrors.get(run), runs.get(run));
		}
		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			RecordingService service = services[i];
			assertThat(service.violations()).as(check.about(node, "contract violations")).isEmpty();
			assertThat(maestro.state(node.name)).as(check.about(node, "state after startAll"))
				.isEqualTo(switch (starts[i]) {
					case DONE -> ServiceState.STARTED;
					case FAILED -> ServiceState.FAILED;
					case BLOCKED -> ServiceState.STOPPED;
				});
			assertThat(service.starts()).as(check.about(node, "start calls over " + callers + " startAll"))
				.isEqualTo(startCalls[i]);
			if (starts[i] != Outcome.BLOCKED) {
				long began = timeline.first(node.name, Kind.START_BEGAN).orElseThrow().sequence();
				for (int dependency : node.dependencies) {
					long started = timeline.last(graph.nodes[dependency].name, Kind.STARTED)
						.orElseThrow(() -> new AssertionError(check.about(node, "dependency never started")))
						.sequence();
					assertThat(started)
						.as(check.about(node,
								"started dependency " + graph.nodes[dependency].name + " before beginning"))
						.isLessThan(began);
				}
			}
		}

		Outcome[] stops = graph.expectedStops(starts);
		List<BandmasterException> stopErrors = maestro.stopAll(Duration.ofSeconds(30));
		check.errors("stopAll", stopErrors, stops);
		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			RecordingService service = services[i];
			assertThat(service.violations()).as(check.about(node, "contract violations")).isEmpty();
			if (starts[i] != Outcome.DONE) {
				assertThat(service.stops()).as(check.about(node, "stop calls of a service never started")).isZero();
				continue;
			}
			assertThat(maestro.state(node.name)).as(check.about(node, "state after stopAll"))
				.isEqualTo((stops[i] == Outcome.DONE) ? ServiceState.STOPPED : ServiceState.STARTED);
			int expectedCalls = switch (stops[i]) {
				case DONE -> node.stopFailures + 1;
				case FAILED -> node.retries + 1;
				case BLOCKED -> 0;
			};
			assertThat(service.stops()).as(check.about(node, "stop calls")).isEqualTo(expectedCalls);
			if (stops[i] != Outcome.BLOCKED) {
				long began = timeline.first(node.name, Kind.STOP_BEGAN).orElseThrow().sequence();
				for (int dependent : graph.dependents(i)) {
					if (starts[dependent] == Outcome.DONE) {
						long stopped = timeline.last(graph.nodes[dependent].name, Kind.STOPPED)
							.orElseThrow(() -> new AssertionError(check.about(node, "a dependent never stopped")))
							.sequence();
						assertThat(stopped)
							.as(check.about(node,
									"stopped dependent " + graph.nodes[dependent].name + " before beginning"))
							.isLessThan(began);
					}
				}
			}
		}
	}

	private static void secondStartAllStartsOnlyWhatTheFirstDidNot(long seed) {
		RandomGraph graph = RandomGraph.generate(seed);
		Timeline timeline = new Timeline();
		Maestro maestro = new Maestro();
		RecordingService[] services = graph.register(maestro, timeline);
		Check check = new Check(seed, graph);
		Outcome[] first = graph.nextStartRun(null, new int[graph.size]);
		check.errors("startAll", maestro.startAll(Duration.ofSeconds(30)), first);
		int[] callsBefore = new int[graph.size];
		for (int i = 0; i < graph.size; i++) {
			callsBefore[i] = services[i].starts();
		}

		Outcome[] second = graph.nextStartRun(first, callsBefore.clone());
		check.errors("startAll", maestro.startAll(Duration.ofSeconds(30)), second);
		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			int remainingFailures = Math.max(0, node.startFailures - callsBefore[i]);
			int newCalls = (first[i] == Outcome.DONE) ? 0 : switch (second[i]) {
				case DONE -> remainingFailures + 1;
				case FAILED -> node.retries + 1;
				case BLOCKED -> 0;
			};
			assertThat(services[i].starts()).as(check.about(node, "start calls after the second startAll"))
				.isEqualTo(callsBefore[i] + newCalls);
			assertThat(services[i].violations()).as(check.about(node, "contract violations")).isEmpty();
			if (newCalls > 0) {
				long began = timeline.last(node.name, Kind.START_BEGAN).orElseThrow().sequence();
				for (int dependency : node.dependencies) {
					long started = timeline.last(graph.nodes[dependency].name, Kind.STARTED)
						.orElseThrow(() -> new AssertionError(check.about(node, "dependency never started")))
						.sequence();
					assertThat(started).as(check.about(node, "dependency started before the restart"))
						.isLessThan(began);
				}
			}
		}
		assertThat(maestro.stopAll(Duration.ofSeconds(30)).stream().map(BandmasterException::kind).distinct())
			.as(check.about("stopAll after the restart reports only stop failures"))
			.isSubsetOf(ErrorKind.SERVICE_STOP_FAILURE, ErrorKind.PARENT_UNAVAILABLE);
	}

	private static void bootCutShortReportsEveryServiceNotStartedAndStopsCleanly(long seed) {
		RandomGraph graph = RandomGraph.generate(seed);
		SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
		Timeline timeline = new Timeline();
		Maestro maestro = new Maestro();
		RecordingService[] services = new RecordingService[graph.size];
		boolean[] hangs = new boolean[graph.size];
		for (int index : graph.registrationOrder) {
			Node node = graph.nodes[index];
			hangs[index] = random.nextDouble() < 0.1;
			long sleepMillis = random.nextInt(4);
			boolean hanging = hangs[index];
			services[index] = new RecordingService(node.name, timeline).onStart(() -> {
				if (hanging) {
					new CountDownLatch(1).await();
				}
				Thread.sleep(sleepMillis);
			});
			String[] dependencies = new String[node.dependencies.length];
			for (int k = 0; k < dependencies.length; k++) {
				dependencies[k] = graph.nodes[node.dependencies[k]].name;
			}
			maestro.addService(node.name, node.required, services[index], dependencies);
		}
		Check check = new Check(seed, graph);
		Duration deadline = Duration.ofMillis(5 + random.nextInt(30));

		List<BandmasterException> errors = maestro.startAll(deadline);
		Set<String> notStarted = new HashSet<>();
		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			ServiceState state = maestro.state(node.name);
			assertThat(state).as(check.about(node, "state after a boot cut short at " + deadline.toMillis() + " ms"))
				.isIn(ServiceState.STARTED, ServiceState.FAILED, ServiceState.STOPPED);
			if (hangs[i]) {
				assertThat(state).as(check.about(node, "a hanging service never starts"))
					.isNotEqualTo(ServiceState.STARTED);
			}
			if (state != ServiceState.STARTED) {
				notStarted.add(node.name);
				continue;
			}
			long began = timeline.first(node.name, Kind.START_BEGAN).orElseThrow().sequence();
			for (int dependency : node.dependencies) {
				assertThat(maestro.state(graph.nodes[dependency].name))
					.as(check.about(node, "a started service's dependencies are started"))
					.isEqualTo(ServiceState.STARTED);
				assertThat(timeline.last(graph.nodes[dependency].name, Kind.STARTED).orElseThrow().sequence())
					.as(check.about(node, "dependency started before it began"))
					.isLessThan(began);
			}
		}
		assertThat(errors).extracting(BandmasterException::serviceName)
			.as(check.about("one error per service not started: " + errors))
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(notStarted);
		assertThat(errors).allSatisfy((error) -> assertThat(error.kind()).as(check.about("kind of " + error))
			.isIn(ErrorKind.SERVICE_START_FAILURE, ErrorKind.DEPENDENCY_UNAVAILABLE));

		assertThat(maestro.stopAll(Duration.ofSeconds(30))).as(check.about("stopAll after the cut-short boot"))
			.isEmpty();
		for (int i = 0; i < graph.size; i++) {
			Node node = graph.nodes[i];
			assertThat(services[i].violations()).as(check.about(node, "contract violations")).isEmpty();
			assertThat(services[i].running()).as(check.about(node, "still running after stopAll")).isFalse();
			assertThat(maestro.state(node.name)).as(check.about(node, "state after stopAll"))
				.isIn(ServiceState.STOPPED, ServiceState.FAILED);
		}
	}

	/**
	 * Calls {@code call} from {@code callers} threads at once, and returns each result.
	 */
	private static <T> List<T> concurrently(int callers, Supplier<T> call) {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<T>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			CompletableFuture<T> result = new CompletableFuture<>();
			Thread caller = new Thread(() -> {
				try {
					go.await();
					result.complete(call.get());
				}
				catch (Throwable ex) {
					result.completeExceptionally(ex);
				}
			});
			caller.start();
			results.add(result);
		}
		go.countDown();
		return new ArrayList<>(results.stream().map(CompletableFuture::join).toList());
	}

	/** How one service's start or stop ends. */
	enum Outcome {

		/** It started (or stopped). */
		DONE,

		/** Its own last attempt failed. */
		FAILED,

		/** Never tried: a service next to it did not make it. */
		BLOCKED

	}

	/**
	 * One generated service: its dependencies are indexes lower than its own, so index
	 * order is a topological order; names and registration order are shuffled so that
	 * neither gives it away.
	 */
	record Node(int index, String name, int[] dependencies, boolean required, int retries, int startFailures,
			int stopFailures, boolean failedStartsHang, Duration backoff, Duration startTimeout) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.name).append("->[");
			for (int i = 0; i < this.dependencies.length; i++) {
				text.append((i > 0) ? "," : "").append(this.dependencies[i]);
			}
			return text.append("] retries=")
				.append(this.retries)
				.append(" startFails=")
				.append(this.startFailures)
				.append(" stopFails=")
				.append(this.stopFailures)
				.append(this.failedStartsHang ? " (hanging)" : "")
				.append(" backoff=")
				.append(this.backoff)
				.append(" startTimeout=")
				.append(this.startTimeout)
				.toString();
		}

	}

	/**
	 * A random DAG with random failures, made from a seed alone.
	 */
	static final class RandomGraph {

		final int size;

		final Node[] nodes;

		final int[] registrationOrder;

		private final List<List<Integer>> dependents = new ArrayList<>();

		private RandomGraph(Node[] nodes, int[] registrationOrder) {
			this.size = nodes.length;
			this.nodes = nodes;
			this.registrationOrder = registrationOrder;
			for (int i = 0; i < this.size; i++) {
				this.dependents.add(new ArrayList<>());
			}
			for (Node node : nodes) {
				for (int dependency : node.dependencies) {
					this.dependents.get(dependency).add(node.index);
				}
			}
		}

		static RandomGraph generate(long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			int size = 1 + random.nextInt(40);
			double density = random.nextDouble() * 0.25;
			int[] nameOf = shuffled(size, random);
			Node[] nodes = new Node[size];
			for (int i = 0; i < size; i++) {
				List<Integer> dependencies = new ArrayList<>();
				for (int j = 0; j < i; j++) {
					if (random.nextDouble() < density) {
						dependencies.add(j);
					}
				}
				int retries = random.nextInt(3);
				int startFailures = (random.nextDouble() < 0.25) ? random.nextInt(5) : 0;
				int stopFailures = (random.nextDouble() < 0.15) ? random.nextInt(5) : 0;
				boolean required = random.nextBoolean();
				// Some failed starts hang until their attempt's timeout interrupts them;
				// other services get a timeout they never reach.
				boolean failedStartsHang = startFailures > 0 && random.nextDouble() < 0.3;
				Duration startTimeout = failedStartsHang ? Duration.ofMillis(5 + random.nextInt(20))
						: (random.nextDouble() < 0.2) ? Duration.ofSeconds(10) : null;
				// No wait, half a millisecond, or a longer one that a timer must keep.
				Duration backoff = switch (random.nextInt(3)) {
					case 0 -> Duration.ZERO;
					case 1 -> Duration.ofNanos(500_000);
					default -> Duration.ofMillis(1 + random.nextInt(15));
				};
				nodes[i] = new Node(i, "svc" + nameOf[i], dependencies.stream().mapToInt(Integer::intValue).toArray(),
						required, retries, startFailures, stopFailures, failedStartsHang, backoff, startTimeout);
			}
			return new RandomGraph(nodes, shuffled(size, random));
		}

		private static int[] shuffled(int size, SplittableRandom random) {
			int[] values = new int[size];
			for (int i = 0; i < size; i++) {
				values[i] = i;
			}
			for (int i = size - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = values[i];
				values[i] = values[j];
				values[j] = swap;
			}
			return values;
		}

		List<Integer> dependents(int index) {
			return this.dependents.get(index);
		}

		RecordingService[] register(Maestro maestro, Timeline timeline) {
			RecordingService[] services = new RecordingService[this.size];
			for (int index : this.registrationOrder) {
				Node node = this.nodes[index];
				AtomicInteger startCalls = new AtomicInteger();
				AtomicInteger stopCalls = new AtomicInteger();
				RecordingService service = new RecordingService(node.name, timeline).onStart(() -> {
					if (startCalls.incrementAndGet() <= node.startFailures) {
						if (node.failedStartsHang) {
							new CountDownLatch(1).await();
						}
						throw new IllegalStateException(node.name + " start fails on purpose");
					}
				}).onStop(() -> {
					if (stopCalls.incrementAndGet() <= node.stopFailures) {
						throw new IllegalStateException(node.name + " stop fails on purpose");
					}
				});
				String[] dependencies = new String[node.dependencies.length];
				for (int k = 0; k < dependencies.length; k++) {
					dependencies[k] = this.nodes[node.dependencies[k]].name;
				}
				maestro.addService(ServiceDefinition.builder(node.name, service)
					.required(node.required)
					.dependsOn(dependencies)
					.retries(node.retries)
					.initialBackoff(node.backoff)
					.startTimeout(node.startTimeout)
					.build());
				services[index] = service;
			}
			return services;
		}

		/**
		 * What a {@code startAll} must do to each service, worked out in topological
		 * order: leave alone what an earlier run started, and try the rest with the
		 * failures they have left.
		 * @param previous the outcomes of the run before, or {@code null} for the first
		 * @param calls the start calls made so far, per service; updated with this run's
		 */
		Outcome[] nextStartRun(Outcome[] previous, int[] calls) {
			Outcome[] outcomes = new Outcome[this.size];
			for (Node node : this.nodes) {
				if (previous != null && previous[node.index] == Outcome.DONE) {
					outcomes[node.index] = Outcome.DONE;
					continue;
				}
				boolean blocked = false;
				for (int dependency : node.dependencies) {
					blocked |= outcomes[dependency] != Outcome.DONE;
				}
				int remainingFailures = Math.max(0, node.startFailures - calls[node.index]);
				if (blocked) {
					outcomes[node.index] = Outcome.BLOCKED;
				}
				else if (remainingFailures > node.retries) {
					outcomes[node.index] = Outcome.FAILED;
					calls[node.index] += node.retries + 1;
				}
				else {
					outcomes[node.index] = Outcome.DONE;
					calls[node.index] += remainingFailures + 1;
				}
			}
			return outcomes;
		}

		/**
		 * What {@code stopAll} must do to each started service, worked out in reverse
		 * topological order.
		 */
		Outcome[] expectedStops(Outcome[] starts) {
			Outcome[] outcomes = new Outcome[this.size];
			for (int i = this.size - 1; i >= 0; i--) {
				if (starts[i] != Outcome.DONE) {
					continue;
				}
				Node node = this.nodes[i];
				boolean blocked = false;
				for (int dependent : dependents(i)) {
					blocked |= outcomes[dependent] != null && outcomes[dependent] != Outcome.DONE;
				}
				outcomes[i] = blocked ? Outcome.BLOCKED
						: (node.stopFailures > node.retries) ? Outcome.FAILED : Outcome.DONE;
			}
			return outcomes;
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			for (Node node : this.nodes) {
				text.append("\n    ").append(node.index).append(": ").append(node);
			}
			return text.toString();
		}

	}

	/**
	 * Assertions that name the seed and the graph.
	 */
	private static final class Check {

		private final long seed;

		private final RandomGraph graph;

		private final Map<String, Node> byName = new HashMap<>();

		Check(long seed, RandomGraph graph) {
			this.seed = seed;
			this.graph = graph;
			for (Node node : graph.nodes) {
				this.byName.put(node.name, node);
			}
		}

		String about(Node node, String what) {
			return "seed " + this.seed + " (replay with -Dbandmaster.seed=" + this.seed + "), service " + node.name
					+ ": " + what + "; graph:" + this.graph;
		}

		String about(String what) {
			return "seed " + this.seed + " (replay with -Dbandmaster.seed=" + this.seed + "): " + what + "; graph:"
					+ this.graph;
		}

		/**
		 * The errors are exactly one per service that did not make it, of the kind its
		 * outcome calls for.
		 */
		void errors(String call, List<BandmasterException> errors, Outcome[] outcomes) {
			boolean start = call.equals("startAll");
			Set<String> expected = new HashSet<>();
			for (Node node : this.graph.nodes) {
				if (outcomes[node.index] != null && outcomes[node.index] != Outcome.DONE) {
					expected.add(node.name);
				}
			}
			assertThat(errors).extracting(BandmasterException::serviceName)
				.as(about(call + " reports one error per service that did not make it: " + errors))
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(expected);
			for (BandmasterException error : errors) {
				Node node = this.byName.get(error.serviceName());
				assertThat(error.required()).as(about(node, "required flag")).isEqualTo(node.required);
				if (outcomes[node.index] == Outcome.FAILED) {
					assertThat(error.kind()).as(about(node, "kind"))
						.isEqualTo(start ? ErrorKind.SERVICE_START_FAILURE : ErrorKind.SERVICE_STOP_FAILURE);
					assertThat(error.attempts()).as(about(node, "attempts")).isEqualTo(node.retries + 1);
					if (start && node.failedStartsHang) {
						assertThat(error.getCause()).as(about(node, "cause"))
							.isInstanceOf(TimeoutException.class)
							.hasMessageContaining("start timeout");
					}
					else {
						assertThat(error.getCause()).as(about(node, "cause"))
							.isInstanceOf(IllegalStateException.class)
							.hasMessageContaining("fails on purpose");
					}
				}
				else if (start) {
					assertThat(error.kind()).as(about(node, "kind")).isEqualTo(ErrorKind.DEPENDENCY_UNAVAILABLE);
					Node blocker = this.byName.get(error.dependency());
					assertThat(blocker).as(about(node, "dependency() names a service")).isNotNull();
					assertThat(node.dependencies).as(about(node, "dependency() is a direct dependency"))
						.contains(blocker.index);
					assertThat(outcomes[blocker.index]).as(about(node, "dependency() did not start"))
						.isNotEqualTo(Outcome.DONE);
				}
				else {
					assertThat(error.kind()).as(about(node, "kind")).isEqualTo(ErrorKind.PARENT_UNAVAILABLE);
					Node parent = this.byName.get(error.parent());
					assertThat(parent).as(about(node, "parent() names a service")).isNotNull();
					assertThat(parent.dependencies).as(about(node, "parent() is a direct dependent"))
						.contains(node.index);
					assertThat(outcomes[parent.index]).as(about(node, "parent() is still running"))
						.isIn(Outcome.FAILED, Outcome.BLOCKED);
				}
			}
		}

	}

}
