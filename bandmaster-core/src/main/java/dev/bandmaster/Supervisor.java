package dev.bandmaster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What a {@link Maestro} does after {@code startAll} has returned and until
 * {@code stopAll} is called: it runs each service's {@linkplain Service#check() check}
 * every {@linkplain ServiceDefinition#checkInterval() check interval}, takes
 * {@linkplain Maestro#reportFailure reports}, and recovers from the failures found, as
 * each service's {@link Restart} says. It is no second engine: every stop and start it
 * makes is a {@link GraphRun} over part of the graph, run in its turn under the maestro's
 * run lock, with the usual retries, timeouts, listener calls and {@link CallGuard}.
 * <p>
 * <b>Passes.</b> Failures are handled by <em>passes</em>, one at a time, each on a
 * worker, holding the run lock (so never during another run):
 * <ol>
 * <li>each service reported failing (by a check or a report) that is still
 * {@link ServiceState#STARTED} is marked {@link ServiceState#FAILED} (see
 * {@link Registration#markFailed}) and listeners hear {@code failed}, once per
 * failure;</li>
 * <li>one stop run over those services and every service depending on them, directly or
 * not: the dependents stop in reverse dependency order, then each failed service's own
 * {@code stop} releases what it holds (it stays {@code FAILED}, whether its stop succeeds
 * or not);</li>
 * <li>one start run, a single attempt each, over the <em>restarts due</em>: services with
 * {@link Restart#ON_FAILURE} that are not started, whose wait is over and whose
 * dependencies are all started. One that does not start waits
 * {@link RetryPolicy#backoffBefore(int) its policy's next backoff}, capped by its max
 * backoff or {@link Restart#DEFAULT_MAX_BACKOFF}, and is tried again, without end;</li>
 * <li>one start run, with their own retry policies, over the services that can come up
 * again now: those {@link ServiceState#STOPPED} (or {@code FAILED} with
 * {@code ON_FAILURE}) that depend, directly or not, on a service step 3 restarted, and
 * whose every dependency is started or among them (so the dependents step 2 stopped, and
 * those of an optional service that failed during {@code startAll}, which attaches late);
 * in dependency order, in parallel where independent. One with {@code ON_FAILURE} that
 * does not start becomes a restart due.</li>
 * </ol>
 * A pass is due at once when a failure is reported, and when the earliest restart's wait
 * is over; between passes nothing runs, and the only thread involved is the process-wide
 * {@link Timers} thread, which fires the checks and the passes.
 * <p>
 * <b>States.</b> Supervision is <em>on</em> or <em>off</em>; each halt starts a new
 * <em>epoch</em>, and whatever began in an earlier one (a check, a pass, a run's end) has
 * no effect once it returns:
 *
 * <pre>
 * from  event                                        to
 * off   startAll returns, its graph valid            on: checks scheduled, restarts of
 *                                                      services that failed during it due
 * on    startAll or start(names) begins              on, holding: no pass begins until
 *                                                      every such run has ended
 * on    such a run ends                              on: the graph and schedule renewed
 * on    a failure is reported                        on: a pass due now
 * any   stopAll is called (halt)                     off, next epoch: timers cancelled,
 *                                                      the pass's run cancelled and its
 *                                                      thread interrupted, checks in flight
 *                                                      interrupted, reports and restarts
 *                                                      forgotten
 * off   a report, a check's end, a pass's end        off: nothing done
 * </pre>
 *
 * <b>Thread-safety.</b> Every field but the final ones is guarded by this object's
 * monitor, which is never held around service or listener code nor while waiting for the
 * run lock. When both are held, this monitor is taken before a service's (a check begins,
 * or is refused, under both, so that {@code stopAll} and a check never cross), never the
 * other way round. Service code runs only on workers: a check under the service's
 * {@link CallGuard}, so never at the same time as its start or stop, which wait for it.
 */
final class Supervisor {

	private final Maestro maestro;

	private final Listeners listeners;

	private final EngineLog log;

	private final Clock clock;

	private final @Nullable Executor sharedExecutor;

	/** Whether supervision is on. */
	private boolean on;

	/** Counts the halts: what began in an earlier epoch no longer counts. */
	private long epoch;

	/** How many {@code startAll} and {@code start} runs are under way. */
	private int runsUnderWay;

	/** The graph supervised: every registered service at the latest start run's end. */
	private @Nullable ServiceGraph graph;

	/**
	 * Each service's index in {@link #graph}, made when first needed: a maestro whose
	 * services never fail pays nothing for it.
	 */
	private @Nullable Map<Registration, Integer> indexes;

	/** The failures reported, each service's first, for the next pass to handle. */
	private final Map<Registration, Throwable> reported = new LinkedHashMap<>();

	/** The services with {@link Restart#ON_FAILURE} that are down, and their waits. */
	private final Map<Registration, Restarting> restarts = new HashMap<>();

	/** The next check of each started service that has a check interval. */
	private final Map<Registration, ScheduledFuture<?>> checks = new HashMap<>();

	/** The checks running. */
	private final Map<Registration, CheckCall> checking = new HashMap<>();

	/** The next pass scheduled, if any, and when it is due. */
	private @Nullable ScheduledFuture<?> nextPass;

	private long nextPassAt;

	/** The thread running a pass, and the run it executes. */
	private @Nullable Thread passThread;

	private @Nullable GraphRun passRun;

	/** Made when first needed, unless the maestro was given an executor. */
	private @Nullable Executor ownExecutor;

	Supervisor(Maestro maestro, Listeners listeners, Clock clock, @Nullable Executor executor) {
		this.maestro = maestro;
		this.listeners = listeners;
		this.log = listeners.log();
		this.clock = clock;
		this.sharedExecutor = executor;
	}

	/**
	 * A {@code startAll} or {@code start} run begins: no pass begins until it ends.
	 * @return the epoch it began in, for {@link #runEnded}
	 */
	synchronized long runBegins() {
		this.runsUnderWay++;
		return this.epoch;
	}

	/**
	 * A run that {@link #runBegins} announced has ended. A {@code startAll} turns
	 * supervision on, unless {@code stopAll} was called meanwhile; any start run renews
	 * the graph supervised and the schedule.
	 * @param began the epoch the run began in
	 * @param startAll whether it was a {@code startAll}
	 */
	void runEnded(long began, boolean startAll) {
		synchronized (this) {
			this.runsUnderWay--;
			if (began != this.epoch || !(this.on || startAll)) {
				return;
			}
		}
		// Outside the monitor, and only when supervising: it may validate the graph.
		ServiceGraph current = this.maestro.validGraph();
		synchronized (this) {
			if (began != this.epoch || current == null) {
				return;
			}
			this.on = true;
			if (current != this.graph) {
				this.graph = current;
				this.indexes = null;
			}
			plan();
		}
	}

	/**
	 * Ends supervision, for {@code stopAll}: from the return of this call no check,
	 * restart or late start begins; a pass under way has its run cancelled (its calls
	 * interrupted, each service resolved) and gives the run lock back at once; a check
	 * under way is interrupted, and the stop of its service waits for it to return.
	 * @return the new epoch
	 */
	long halt() {
		GraphRun cancelled;
		long halted;
		synchronized (this) {
			this.on = false;
			halted = ++this.epoch;
			this.reported.clear();
			this.restarts.clear();
			this.checks.values().forEach((check) -> check.cancel(false));
			this.checks.clear();
			this.checking.values().forEach(CheckCall::interrupt);
			if (this.nextPass != null) {
				this.nextPass.cancel(false);
				this.nextPass = null;
			}
			if (this.passThread != null) {
				this.passThread.interrupt();
			}
			cancelled = this.passRun;
			this.passRun = null;
		}
		if (cancelled != null) {
			cancelled.cancel((definition, heldUp) -> new InterruptedException(
					"stopAll was called while service '" + definition.name() + "' was being recovered"));
		}
		return halted;
	}

	/**
	 * Takes a failure report: while supervision is on and the service started, a pass
	 * handles it in its turn; otherwise it is ignored.
	 */
	void report(Registration node, Throwable cause) {
		String ignored;
		synchronized (this) {
			if (!this.on || indexOf(node) == null) {
				ignored = "while not supervised";
			}
			else if (node.state() != ServiceState.STARTED) {
				ignored = "while " + node.state();
			}
			else {
				this.reported.putIfAbsent(node, cause);
				schedulePass(Duration.ZERO);
				return;
			}
		}
		this.log.debug("Service '{}' reported failing {}; ignored: {}", node.name(), ignored,
				BandmasterException.describe(cause));
	}

	/**
	 * Schedules what is due: a check for each started service that has a check interval
	 * and none scheduled, a restart wait for each service with {@code ON_FAILURE} that
	 * failed to start, and the next pass. Called with this monitor held, supervision on.
	 */
	private void plan() {
		assert Thread.holdsLock(this);
		ServiceGraph supervised = this.graph;
		if (supervised == null || this.runsUnderWay > 0) {
			// A run under way plans again when it ends.
			return;
		}
		long now = System.nanoTime();
		for (Registration node : supervised.nodes) {
			ServiceDefinition definition = node.definition;
			if (!definition.supervised()) {
				continue;
			}
			ServiceState state = node.state();
			if (state == ServiceState.STARTED) {
				this.restarts.remove(node);
				if (definition.checkInterval() != null && !this.checks.containsKey(node)
						&& !this.checking.containsKey(node)) {
					scheduleCheck(node);
				}
			}
			else if (state == ServiceState.FAILED && definition.restart() == Restart.ON_FAILURE
					&& !this.restarts.containsKey(node)) {
				// Failed during a start run: it attaches late, after a first wait.
				this.restarts.put(node, Restarting.after(0, now).failedAgain(node, now, this.log));
			}
		}
		if (!this.reported.isEmpty()) {
			schedulePass(Duration.ZERO);
		}
		else {
			// A restart waiting for its dependencies is left to step 4 or the next run.
			long due = Long.MAX_VALUE;
			for (Map.Entry<Registration, Restarting> entry : this.restarts.entrySet()) {
				Registration node = entry.getKey();
				if (releasePending(node) || allStarted(supervised, index(node), Set.of())) {
					due = Math.min(due, entry.getValue().due - now);
				}
			}
			if (due != Long.MAX_VALUE) {
				schedulePass(Duration.ofNanos(Math.max(0, due)));
			}
		}
	}

	private void schedulePass(Duration delay) {
		assert Thread.holdsLock(this);
		long at = System.nanoTime() + Durations.saturatedNanos(delay);
		if (this.nextPass != null) {
			if (this.nextPassAt - at <= 0) {
				return;
			}
			this.nextPass.cancel(false);
		}
		long scheduledIn = this.epoch;
		Object[] token = new Object[1];
		ScheduledFuture<?> scheduled = Timers.schedule(() -> {
			synchronized (this) {
				if (this.nextPass != token[0] || this.epoch != scheduledIn) {
					return;
				}
				this.nextPass = null;
			}
			executor().execute(this::pass);
		}, delay);
		token[0] = scheduled;
		this.nextPass = scheduled;
		this.nextPassAt = at;
	}

	private Executor executor() {
		if (this.sharedExecutor != null) {
			return this.sharedExecutor;
		}
		synchronized (this) {
			if (this.ownExecutor == null) {
				this.ownExecutor = Workers.newExecutor();
			}
			return this.ownExecutor;
		}
	}

	/** One pass, on a worker: see the class's description. */
	private void pass() {
		long current;
		synchronized (this) {
			if (!this.on || this.runsUnderWay > 0 || this.passThread != null) {
				// Not now: the run or pass under way plans again when it ends.
				return;
			}
			this.passThread = Thread.currentThread();
			current = this.epoch;
		}
		ReentrantLock turn = this.maestro.runLock();
		try {
			turn.lockInterruptibly();
			try {
				recover(current);
			}
			finally {
				turn.unlock();
			}
		}
		catch (InterruptedException ex) {
			// Halted: stopAll takes over.
		}
		finally {
			synchronized (this) {
				this.passThread = null;
				this.passRun = null;
				if (this.on && this.epoch == current) {
					plan();
				}
			}
			// An interrupt meant for this pass must not reach the worker's next task.
			Thread.interrupted();
		}
	}

	private void recover(long current) {
		ServiceGraph supervised;
		Map<Registration, Throwable> failures;
		synchronized (this) {
			if (!this.on || this.epoch != current || this.runsUnderWay > 0) {
				return;
			}
			supervised = this.graph;
			failures = new LinkedHashMap<>(this.reported);
			this.reported.clear();
		}
		if (supervised == null) {
			return;
		}
		// Step 1: mark, then tell.
		List<Registration> failed = new ArrayList<>();
		for (Map.Entry<Registration, Throwable> failure : failures.entrySet()) {
			Registration node = failure.getKey();
			boolean marked;
			synchronized (node) {
				marked = node.markFailed(failure.getValue(), this.clock);
			}
			if (marked) {
				failed.add(node);
				this.listeners.failed(node.name(), failure.getValue());
				this.log.warn("Service '{}' is failing ({}); stopping it{}: {}", node.name(),
						(node.definition.restart() == Restart.ON_FAILURE) ? "restart on failure" : "no restart",
						(supervised.dependents[index(node)].length > 0) ? " and the services depending on it" : "",
						BandmasterException.describe(failure.getValue()));
			}
		}
		// Step 2: their dependents, then themselves; and again for a restart due whose
		// release a dependent's failed stop held up.
		List<Registration> releasing = new ArrayList<>(failed);
		releasing.addAll(releasesDue());
		if (!releasing.isEmpty()) {
			if (runPart(Direction.STOP, withDependents(supervised, releasing), false, current) == null) {
				return;
			}
			long now = System.nanoTime();
			synchronized (this) {
				for (Registration node : releasing) {
					Restarting waiting = this.restarts.get(node);
					if (failed.contains(node) && node.definition.restart() == Restart.ON_FAILURE) {
						this.restarts.put(node, Restarting.after(0, now));
					}
					else if (waiting != null && releasePending(node)) {
						this.restarts.put(node, waiting.failedAgain(node, now, this.log));
					}
				}
			}
		}
		// Step 3: the restarts due.
		List<Registration> due = restartsDue(supervised);
		if (due.isEmpty()) {
			return;
		}
		if (runPart(Direction.START, withDependencies(supervised, due), true, current) == null) {
			return;
		}
		List<Registration> restarted = new ArrayList<>();
		long now = System.nanoTime();
		synchronized (this) {
			for (Registration node : due) {
				if (node.state() == ServiceState.STARTED) {
					this.restarts.remove(node);
					restarted.add(node);
				}
				else {
					Restarting waiting = this.restarts.get(node);
					if (waiting != null) {
						this.restarts.put(node, waiting.failedAgain(node, now, this.log));
					}
				}
			}
		}
		// Step 4: what can come up again with them.
		List<Registration> back = comingBack(supervised, restarted);
		if (back.isEmpty() || runPart(Direction.START, withDependencies(supervised, back), false, current) == null) {
			return;
		}
		now = System.nanoTime();
		synchronized (this) {
			for (Registration node : back) {
				if (node.definition.restart() == Restart.ON_FAILURE && node.state() == ServiceState.FAILED
						&& !this.restarts.containsKey(node)) {
					this.restarts.put(node, Restarting.after(0, now).failedAgain(node, now, this.log));
				}
			}
		}
	}

	/**
	 * Runs {@code part} in one direction, registered for {@link #halt} to cancel.
	 * @return the errors, or {@code null} when supervision was halted before or during
	 * the run
	 */
	private @Nullable List<BandmasterException> runPart(Direction direction, List<Registration> part,
			boolean singleAttempt, long current) {
		ServiceGraph graph = ServiceGraph.of(part);
		GraphRun run = this.maestro.newRun(direction, graph, singleAttempt);
		synchronized (this) {
			if (!this.on || this.epoch != current) {
				return null;
			}
			this.passRun = run;
		}
		List<BandmasterException> errors = this.maestro.execute(direction, run, graph.size(), null, 0);
		synchronized (this) {
			this.passRun = null;
			if (!this.on || this.epoch != current || Thread.currentThread().isInterrupted()) {
				return null;
			}
		}
		return errors;
	}

	/**
	 * The restarts whose wait is over, released, and whose dependencies are all started,
	 * in registration order. One whose dependencies are not all started waits for them:
	 * it comes back with them (step 4), or when a later run starts them.
	 */
	private List<Registration> restartsDue(ServiceGraph supervised) {
		long now = System.nanoTime();
		List<Registration> due = new ArrayList<>();
		synchronized (this) {
			for (Map.Entry<Registration, Restarting> entry : this.restarts.entrySet()) {
				Registration node = entry.getKey();
				if (entry.getValue().due - now <= 0 && node.state() != ServiceState.STARTED && !releasePending(node)
						&& allStarted(supervised, index(node), Set.of())) {
					due.add(node);
				}
			}
		}
		due.sort(Comparator.comparingInt(this::index));
		return due;
	}

	/** The restarts whose wait is over but whose stop has not released them yet. */
	private List<Registration> releasesDue() {
		long now = System.nanoTime();
		List<Registration> due = new ArrayList<>();
		synchronized (this) {
			for (Map.Entry<Registration, Restarting> entry : this.restarts.entrySet()) {
				if (entry.getValue().due - now <= 0 && releasePending(entry.getKey())) {
					due.add(entry.getKey());
				}
			}
		}
		return due;
	}

	private static boolean releasePending(Registration node) {
		synchronized (node) {
			return node.releasePending();
		}
	}

	/**
	 * The services that can start again once {@code restarted} are up: those
	 * {@code STOPPED} that depend on them, directly or through one another, and whose
	 * every dependency is started or among them.
	 */
	private List<Registration> comingBack(ServiceGraph supervised, List<Registration> restarted) {
		Set<Integer> candidates = new LinkedHashSet<>();
		Deque<Integer> toVisit = new ArrayDeque<>();
		for (Registration node : restarted) {
			toVisit.add(index(node));
		}
		while (!toVisit.isEmpty()) {
			for (int dependent : supervised.dependents[toVisit.pop()]) {
				if (canComeBack(supervised.nodes[dependent]) && candidates.add(dependent)) {
					toVisit.add(dependent);
				}
			}
		}
		// Leave out, until none is left, those waiting on a service that stays down.
		boolean changed = true;
		while (changed) {
			changed = candidates.removeIf((candidate) -> !allStarted(supervised, candidate, candidates));
		}
		List<Registration> back = new ArrayList<>();
		candidates.stream().sorted().forEach((index) -> back.add(supervised.nodes[index]));
		return back;
	}

	/**
	 * Whether a dependent of a service restarted may be started with it: stopped (by a
	 * failure, or never started since a service it depends on failed), or failed and to
	 * be restarted on failure, and released.
	 */
	private static boolean canComeBack(Registration node) {
		ServiceState state = node.state();
		return (state == ServiceState.STOPPED
				|| (state == ServiceState.FAILED && node.definition.restart() == Restart.ON_FAILURE))
				&& !releasePending(node);
	}

	private static boolean allStarted(ServiceGraph supervised, int index, Set<Integer> orAmong) {
		for (int dependency : supervised.dependencies[index]) {
			if (supervised.nodes[dependency].state() != ServiceState.STARTED && !orAmong.contains(dependency)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code failed} and every service that depends on them, directly or not, in
	 * registration order: a stop run over them stops each only after its dependents.
	 */
	private List<Registration> withDependents(ServiceGraph supervised, Collection<Registration> failed) {
		Set<Integer> reached = new LinkedHashSet<>();
		Deque<Integer> toVisit = new ArrayDeque<>();
		for (Registration node : failed) {
			toVisit.add(index(node));
		}
		while (!toVisit.isEmpty()) {
			int next = toVisit.pop();
			if (reached.add(next)) {
				for (int dependent : supervised.dependents[next]) {
					toVisit.add(dependent);
				}
			}
		}
		List<Registration> part = new ArrayList<>();
		reached.stream().sorted().forEach((index) -> part.add(supervised.nodes[index]));
		return part;
	}

	/**
	 * {@code starting} and their direct dependencies, all started, in registration order:
	 * a start run over them hands each its dependencies, and starts none of them.
	 */
	private List<Registration> withDependencies(ServiceGraph supervised, Collection<Registration> starting) {
		Set<Integer> part = new LinkedHashSet<>();
		for (Registration node : starting) {
			int index = index(node);
			part.add(index);
			for (int dependency : supervised.dependencies[index]) {
				part.add(dependency);
			}
		}
		List<Registration> nodes = new ArrayList<>();
		part.stream().sorted().forEach((index) -> nodes.add(supervised.nodes[index]));
		return nodes;
	}

	private int index(Registration node) {
		Integer index;
		synchronized (this) {
			index = indexOf(node);
		}
		if (index == null) {
			throw new AssertionError("Service '" + node.name() + "' is not in the graph supervised");
		}
		return index;
	}

	private @Nullable Integer indexOf(Registration node) {
		assert Thread.holdsLock(this);
		ServiceGraph supervised = this.graph;
		if (supervised == null) {
			return null;
		}
		Map<Registration, Integer> byNode = this.indexes;
		if (byNode == null) {
			byNode = new HashMap<>(supervised.size() * 2);
			for (int i = 0; i < supervised.size(); i++) {
				byNode.put(supervised.nodes[i], i);
			}
			this.indexes = byNode;
		}
		return byNode.get(node);
	}

	private void scheduleCheck(Registration node) {
		assert Thread.holdsLock(this);
		Duration interval = node.definition.checkInterval();
		if (interval == null) {
			return;
		}
		long scheduledIn = this.epoch;
		this.checks.put(node, Timers.schedule(() -> executor().execute(() -> check(node, scheduledIn)), interval));
	}

	/**
	 * Runs one check of a service, on a worker: only if supervision is still in the epoch
	 * it was scheduled in and the service is started with no call of it running; begun,
	 * under both monitors, as a call of the service's {@link CallGuard}.
	 */
	private void check(Registration node, long scheduledIn) {
		CheckCall call = new CheckCall(node, Thread.currentThread());
		synchronized (this) {
			if (!this.on || this.epoch != scheduledIn) {
				// Its epoch's checks are gone: a later epoch's is not this one.
				return;
			}
			this.checks.remove(node);
			synchronized (node) {
				if (node.state() != ServiceState.STARTED) {
					// The pass that handles it schedules its checks once it is back.
					return;
				}
				if (node.calls.inProgress() != null) {
					// A late call of it still runs: check at the next interval.
					scheduleCheck(node);
					return;
				}
				node.calls.began();
			}
			this.checking.put(node, call);
		}
		Duration timeout = node.definition.startTimeout();
		ScheduledFuture<?> timer = (timeout != null) ? Timers.schedule(() -> timedOut(call, timeout), timeout) : null;
		Throwable failure = null;
		MDC.put(GraphRun.MDC_KEY, node.name());
		try {
			node.definition.service().check();
		}
		catch (Throwable ex) {
			failure = ex;
		}
		finally {
			MDC.remove(GraphRun.MDC_KEY);
			if (timer != null) {
				timer.cancel(false);
			}
			boolean alreadyReported = call.finish();
			synchronized (this) {
				this.checking.remove(node);
			}
			Thread.interrupted();
			node.calls.ended();
			if (alreadyReported) {
				failure = null;
			}
		}
		synchronized (this) {
			if (!this.on || this.epoch != scheduledIn) {
				// Halted meanwhile: its outcome no longer counts.
				return;
			}
			if (failure == null) {
				if (!call.timedOut() && node.state() == ServiceState.STARTED && !this.checks.containsKey(node)) {
					scheduleCheck(node);
				}
				return;
			}
		}
		this.log.debug("Service '{}' failed its check", node.name(), failure);
		report(node, failure);
	}

	/**
	 * A check still running at its service's start timeout: interrupted, and its failure
	 * reported at once, so that a check that ignores its interruption holds up no one but
	 * its service's stop, which waits for it.
	 */
	private void timedOut(CheckCall call, Duration timeout) {
		if (call.timeOut()) {
			report(call.node, new TimeoutException("Service '" + call.node.name()
					+ "' did not finish its check within its start timeout of " + BandmasterException.format(timeout)));
		}
	}

	/**
	 * The wait before a restart attempt after {@code failedAttempts} failed in a row: the
	 * policy's backoff before that retry, with its jitter, capped by its max backoff or,
	 * when it has none, by {@link Restart#DEFAULT_MAX_BACKOFF}.
	 * @param policy the service's retry policy
	 * @param failedAttempts 1 or more
	 * @param random the jitter's random fraction, in {@code [0, 1)}
	 * @return the wait
	 */
	static Duration restartWait(RetryPolicy policy, int failedAttempts, double random) {
		Duration wait = policy.backoffBefore(failedAttempts, random);
		return (policy.maxBackoff() == null && wait.compareTo(Restart.DEFAULT_MAX_BACKOFF) > 0)
				? Restart.DEFAULT_MAX_BACKOFF : wait;
	}

	/**
	 * A check running: its thread, to interrupt, and whether its timeout reported it
	 * already. Guarded by itself.
	 */
	private static final class CheckCall {

		final Registration node;

		private final Thread runner;

		private boolean finished;

		private boolean timedOut;

		CheckCall(Registration node, Thread runner) {
			this.node = node;
			this.runner = runner;
		}

		synchronized void interrupt() {
			if (!this.finished) {
				this.runner.interrupt();
			}
		}

		/** Interrupts it at its timeout; whether it was still running. */
		synchronized boolean timeOut() {
			if (this.finished) {
				return false;
			}
			this.timedOut = true;
			this.runner.interrupt();
			return true;
		}

		/** Ends it; whether its timeout reported its failure already. */
		synchronized boolean finish() {
			this.finished = true;
			return this.timedOut;
		}

		synchronized boolean timedOut() {
			return this.timedOut;
		}

	}

	/**
	 * A service with {@link Restart#ON_FAILURE} that is down: how many of its restart
	 * attempts failed in a row, and when the next one is due ({@link System#nanoTime()}).
	 * Immutable.
	 */
	private record Restarting(int failedAttempts, long due) {

		static Restarting after(int failedAttempts, long now) {
			return new Restarting(failedAttempts, now);
		}

		/**
		 * One more attempt failed: the next waits {@link Supervisor#restartWait}.
		 */
		Restarting failedAgain(Registration node, long now, EngineLog log) {
			int failed = this.failedAttempts + 1;
			Duration wait = restartWait(node.definition.retryPolicy(), failed, node.jitterFraction());
			log.info("Service '{}' is down; restarting it in {} (restart attempt {})", node.name(),
					BandmasterException.format(wait), failed + 1);
			return new Restarting(failed, now + Durations.saturatedNanos(wait));
		}

	}

}
