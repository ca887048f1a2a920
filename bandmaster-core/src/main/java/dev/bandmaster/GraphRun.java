package dev.bandmaster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import dev.bandmaster.ServiceRun.Cancellable;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * One {@code startAll} or {@code stopAll}: an event-driven walk of the graph, the same
 * code for both {@link Direction directions}. Each service waits on a counter of the
 * services it waits on; whoever brings that counter to zero launches it. No thread ever
 * blocks waiting for a dependency, backoff delays and timeouts are timer tasks, and every
 * service is resolved (succeeded, failed, skipped or cancelled) exactly once: the run
 * completes when the last one is.
 * <p>
 * Each taking part has a {@link ServiceRun}, which holds its phase in the run and its
 * transition table; it changes only under the service's monitor (its
 * {@link Registration}'s), held for a few assignments and never around service or
 * listener code (asserted). A service held up by a call an earlier run gave up on is
 * dealt with as {@link CallGuard} says.
 * <p>
 * The life of a service in a run:
 * <ol>
 * <li>{@link #launch(int)}: its wait is over. If an earlier call still runs, it waits for
 * it ({@code AWAITING_CALL}), without a thread.</li>
 * <li>{@link #takeTurn(int)}: it is {@code LAUNCHED} if its state calls for the
 * transition (its state moves to {@link Direction#active}, listeners hear it begin), or
 * resolved at once if a late call left nothing to do.</li>
 * <li>{@link #prepare(int, int)} then {@link Attempt#run()}: each attempt, on a worker,
 * the attempt's timeout armed; then {@link #succeeded}, or {@link #failed}, which
 * schedules a retry or resolves it, skipping whatever waits on it.</li>
 * <li>{@link #cancel(Cause)}, at the deadline or on interruption, resolves every service
 * not resolved yet, from the calling thread, interrupting what is in flight.</li>
 * </ol>
 */
final class GraphRun {

	/** The MDC key under which the service's name is set while its start or stop runs. */
	static final String MDC_KEY = "bandmaster.service";

	private final Direction direction;

	private final ServiceGraph graph;

	private final @Nullable Executor sharedExecutor;

	private @Nullable ExecutorService ownedExecutor;

	private final Listeners listener;

	private final EngineLog log;

	private final Clock clock;

	/** Per service, its part in this run; {@code null} for a service taking no part. */
	private final @Nullable ServiceRun[] runs;

	private final AtomicIntegerArray pending;

	private final AtomicInteger remaining;

	private final int[] initiallyReady;

	private final CompletableFuture<Void> completion = new CompletableFuture<>();

	private volatile boolean cancelled;

	/**
	 * Whether each service gets a single attempt, its retry policy notwithstanding: a
	 * supervised restart, whose waits between attempts the {@link Supervisor} keeps.
	 */
	private final boolean singleAttempt;

	GraphRun(Direction direction, ServiceGraph graph, @Nullable Executor executor, Listeners listener, Clock clock) {
		this(direction, graph, executor, listener, clock, false);
	}

	GraphRun(Direction direction, ServiceGraph graph, @Nullable Executor executor, Listeners listener, Clock clock,
			boolean singleAttempt) {
		this.singleAttempt = singleAttempt;
		this.direction = direction;
		this.graph = graph;
		this.sharedExecutor = executor;
		this.listener = listener;
		this.log = listener.log();
		this.clock = clock;
		int size = graph.size();
		this.runs = new ServiceRun[size];
		this.pending = new AtomicIntegerArray(size);
		int participants = 0;
		for (int i = 0; i < size; i++) {
			Registration node = graph.nodes[i];
			if (node.takesPartIn(direction)) {
				this.runs[i] = new ServiceRun(node);
				participants++;
			}
		}
		this.remaining = new AtomicInteger(participants);
		int[] ready = new int[participants];
		int readyCount = 0;
		for (int i = 0; i < size; i++) {
			if (this.runs[i] != null) {
				int waits = 0;
				for (int other : direction.waitsOn(graph, i)) {
					waits += (this.runs[other] != null) ? 1 : 0;
				}
				this.pending.set(i, waits);
				if (waits == 0) {
					ready[readyCount++] = i;
				}
			}
		}
		this.initiallyReady = Arrays.copyOf(ready, readyCount);
	}

	/**
	 * Runs to completion, or until {@code timeout} passes or the calling thread is
	 * interrupted, whereupon every service not yet resolved is cancelled. Leaves the
	 * interrupt flag set when interrupted.
	 * @param timeout how long the run may take, or {@code null} for no limit
	 * @param deadline the {@link System#nanoTime()} at which it ends, when
	 * {@code timeout} is set
	 * @return the errors, in registration order
	 */
	List<BandmasterException> execute(@Nullable Duration timeout, long deadline) {
		try {
			if (timeout != null && deadline - System.nanoTime() <= 0) {
				cancel(timedOut(timeout));
				return errors();
			}
			launch();
			try {
				if (timeout == null) {
					this.completion.get();
				}
				else {
					this.completion.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				}
			}
			catch (TimeoutException ex) {
				cancel(timedOut(timeout));
			}
			catch (InterruptedException ex) {
				cancel(interrupted());
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A run never completes exceptionally", ex);
			}
			return errors();
		}
		finally {
			if (this.ownedExecutor != null) {
				this.ownedExecutor.shutdown();
			}
		}
	}

	/**
	 * Reports every participating service as failed without running anything: for a call
	 * that could not even begin (its deadline passed, or it was interrupted, while it
	 * waited for another run to finish). It touches nothing and tells no listener: the
	 * run it waited for is under way, and its listeners' view of each service must stay
	 * in order.
	 */
	List<BandmasterException> refuse(Cause cause) {
		List<BandmasterException> refused = new ArrayList<>();
		for (ServiceRun run : this.runs) {
			if (run != null) {
				ServiceDefinition definition = run.node.definition;
				refused.add(this.direction.failure(definition, 0, cause.of(definition, false)));
			}
		}
		return refused;
	}

	Cause timedOut(Duration timeout) {
		return (definition, heldUp) -> new TimeoutException("The " + this.direction.verb() + " deadline of "
				+ BandmasterException.format(timeout) + " passed " + before(definition, heldUp));
	}

	Cause interrupted() {
		return (definition, heldUp) -> new InterruptedException("The thread waiting for " + this.direction.verb()
				+ "All was interrupted " + before(definition, heldUp));
	}

	private String before(ServiceDefinition definition, boolean heldUp) {
		String why = heldUp ? ", while a call of it that an earlier run gave up on at its deadline had not returned"
				: "";
		return "before service '" + definition.name() + "' " + this.direction.participle + why;
	}

	private void launch() {
		if (this.remaining.get() == 0) {
			this.completion.complete(null);
			return;
		}
		if (this.sharedExecutor == null) {
			this.ownedExecutor = Workers.newExecutor();
		}
		for (int index : this.initiallyReady) {
			begin(index);
		}
	}

	private void begin(int index) {
		Attempt first = launch(index);
		if (first != null) {
			dispatch(first);
		}
	}

	private ServiceRun run(int index) {
		ServiceRun run = this.runs[index];
		if (run == null) {
			throw new AssertionError(
					"Service '" + this.graph.name(index) + "' takes no part in this " + this.direction.verb() + " run");
		}
		return run;
	}

	/**
	 * Returns the listeners, to tell them of service {@code run}'s events: never under
	 * its monitor, so that a slow or reentrant listener holds up no one else.
	 */
	private Listeners tell(ServiceRun run) {
		assert !Thread.holdsLock(run.node) : "Listeners called under the monitor of " + run.node.name();
		return this.listener;
	}

	/**
	 * Launches a service whose wait is over (step 1): its first attempt, to be run by the
	 * caller, or {@code null} when there is nothing to run now.
	 */
	private @Nullable Attempt launch(int index) {
		ServiceRun run = run(index);
		Registration node = run.node;
		CompletableFuture<Void> earlierCall;
		synchronized (node) {
			// Skipped or cancelled meanwhile: nothing to launch.
			if (this.cancelled || !run.isWaiting()) {
				return null;
			}
			earlierCall = node.calls.inProgress();
			if (earlierCall != null) {
				run.awaitCall();
			}
		}
		if (earlierCall == null) {
			return takeTurn(index);
		}
		// An earlier run gave up on a call of this service at its deadline and that call
		// has not returned yet: only this service, and what waits on it, waits for it.
		// This run's own deadline still applies.
		this.log.debug("Service '{}' waits for a call an earlier run gave up on to return", node.name());
		earlierCall.thenRun(() -> {
			Attempt first = takeTurn(index);
			if (first != null) {
				dispatch(first);
			}
		});
		return null;
	}

	/**
	 * Begins the transition of a service no earlier call holds up any more (step 2), or,
	 * when the state a late call left needs none (a late stop that succeeded, a late
	 * start undone), resolves it at once.
	 */
	private @Nullable Attempt takeTurn(int index) {
		ServiceRun run = run(index);
		Registration node = run.node;
		boolean needed;
		synchronized (node) {
			// Cancelled meanwhile: nothing to begin.
			if (!run.isBeforeLaunch()) {
				return null;
			}
			needed = this.direction.participates(node);
			if (needed) {
				run.launch();
				node.begin(this.direction.active, this.clock);
			}
			else {
				run.resolveUnneeded();
			}
		}
		if (!needed) {
			this.log.debug("Service '{}' is {} since a late call: nothing to {}", node.name(), node.state(),
					this.direction.verb());
			return unblock(index);
		}
		this.direction.notifyBegun(tell(run), node.name());
		this.log.debug("Service '{}' {}", node.name(), this.direction.gerund);
		announced(run);
		return prepare(index, 1);
	}

	/**
	 * Ends the announcement of a transition of a service, delivering the failure a
	 * cancellation left meanwhile, so that it comes after (see {@link ServiceRun}).
	 */
	private void announced(ServiceRun run) {
		BandmasterException deferred;
		synchronized (run.node) {
			deferred = run.announced();
		}
		if (deferred != null) {
			this.direction.notifyFailure(tell(run), deferred);
		}
	}

	private void attempt(int index, int number) {
		Attempt attempt = prepare(index, number);
		if (attempt != null) {
			dispatch(attempt);
		}
	}

	/**
	 * Prepares an attempt: returns it to be run, or {@code null} when the service was
	 * resolved meanwhile or its attempt has to wait for an earlier call.
	 */
	private @Nullable Attempt prepare(int index, int number) {
		ServiceRun run = run(index);
		Registration node = run.node;
		Attempt attempt = new Attempt(index, number);
		CompletableFuture<Void> previousCall;
		synchronized (node) {
			// Cancelled meanwhile: no attempt.
			if (!run.isLaunched()) {
				return null;
			}
			run.attempting(attempt, number);
			node.attempting(this.direction.active, number);
			previousCall = node.calls.inProgress();
		}
		if (previousCall == null) {
			return attempt;
		}
		// A retry whose backoff ran out before the failed attempt finished its own
		// bookkeeping: it goes once that attempt is done.
		previousCall.thenRun(() -> dispatch(attempt));
		return null;
	}

	private void dispatch(Attempt attempt) {
		try {
			Executor executor = (this.sharedExecutor != null) ? this.sharedExecutor : this.ownedExecutor;
			if (executor == null) {
				throw new RejectedExecutionException("The run has not launched");
			}
			executor.execute(attempt);
		}
		catch (RejectedExecutionException ex) {
			failed(attempt.index, attempt.number, ex, false);
		}
	}

	/**
	 * Records a success and launches the services it unblocks. Returns the first attempt
	 * of one of them for the calling worker to run next itself, rather than hand it to
	 * another thread: on a chain of dependencies, each link then costs no handoff.
	 */
	private @Nullable Attempt succeeded(int index, int number) {
		ServiceRun run = run(index);
		Registration node = run.node;
		Duration took;
		synchronized (node) {
			if (run.isLaunched()) {
				run.succeeded();
				took = node.end(this.direction.active, this.direction.succeeded);
			}
			else {
				took = null;
			}
		}
		if (took == null) {
			// Cancelled while the call ran: the call returned late.
			node.calls.settleLate(this.direction, this.log);
			return null;
		}
		this.direction.notifySucceeded(tell(run), node.name(), took, number);
		this.log.debug("Service '{}' {} in {} ms after {} attempt(s)", node.name(), this.direction.participle,
				took.toMillis(), number);
		return unblock(index);
	}

	/**
	 * Counts the resolved service {@code index} as done for the services waiting on it,
	 * launching those it was the last wait of, and returns the first attempt of one of
	 * them for the caller to run itself.
	 */
	private @Nullable Attempt unblock(int index) {
		int kept = -1;
		for (int next : this.direction.unblocks(this.graph, index)) {
			if (this.runs[next] != null && this.pending.decrementAndGet(next) == 0) {
				if (kept >= 0) {
					begin(kept);
				}
				kept = next;
			}
		}
		resolved();
		return (kept >= 0) ? launch(kept) : null;
	}

	/**
	 * Records a failed attempt: schedules the next one, or resolves the service as failed
	 * and skips whatever waits on it.
	 * <ol>
	 * <li>A retry is due when the error may be retried (neither fatal, see
	 * {@link BandmasterException#fatal()}, nor a refused dispatch), attempts are left and
	 * the run is not cancelled.</li>
	 * <li>For a retry: announce it under the monitor, tell listeners outside it (before
	 * it is scheduled: once scheduled, a short backoff could run the next attempt, and
	 * report its outcome, before this call, breaking the per-service event order), end
	 * the announcement, then schedule it unless a cancellation resolved the service
	 * meanwhile.</li>
	 * <li>Otherwise: resolve it, tell listeners and the log, skip its dependents (or, for
	 * a stop, its dependencies).</li>
	 * </ol>
	 */
	private void failed(int index, int number, Throwable error, boolean retryable) {
		ServiceRun run = run(index);
		Registration node = run.node;
		ServiceDefinition definition = node.definition;
		RetryPolicy policy = definition.retryPolicy();
		if (retryable && !this.singleAttempt && number <= policy.retries() && !this.cancelled
				&& !BandmasterException.isFatal(error)) {
			Duration delay = policy.backoffBefore(number, node.jitterFraction());
			synchronized (node) {
				// Cancelled meanwhile: its failure is reported.
				if (!run.isLaunched()) {
					return;
				}
				node.attemptFailed(this.direction.active, error);
				run.retrying();
			}
			tell(run).retryScheduled(node.name(), this.direction.active, number, delay, error);
			this.log.info("Service '{}' failed to {} (attempt {} of {}), retrying in {}: {}", node.name(),
					this.direction.verb(), number, policy.retries() + 1, BandmasterException.format(delay),
					BandmasterException.describe(error));
			announced(run);
			synchronized (node) {
				if (run.isLaunched()) {
					run.scheduled(new Retry(Timers.schedule(() -> attempt(index, number + 1), delay)));
				}
			}
			return;
		}
		BandmasterException failure = this.direction.failure(definition, number, error);
		synchronized (node) {
			// Cancelled meanwhile: its failure is reported.
			if (!run.isLaunched()) {
				return;
			}
			run.failed(failure);
			node.attemptFailed(this.direction.active, error);
			node.end(this.direction.active, this.direction.failed);
		}
		this.direction.notifyFailure(tell(run), failure);
		// The caller receives the failure with its cause; the stack trace is only worth a
		// line at debug level.
		this.log.warn("{}", failure.getMessage());
		this.log.debug("Service '{}' failed to {}", node.name(), this.direction.verb(), error);
		skipBlockedBy(index);
		resolved();
	}

	/**
	 * Resolves every service that waits, directly or not, on the unavailable service
	 * {@code index}.
	 */
	private void skipBlockedBy(int index) {
		Deque<int[]> blocked = new ArrayDeque<>();
		for (int next : this.direction.unblocks(this.graph, index)) {
			blocked.push(new int[] { next, index });
		}
		while (!blocked.isEmpty()) {
			int[] edge = blocked.pop();
			int skipped = edge[0];
			ServiceRun run = this.runs[skipped];
			if (run == null) {
				continue;
			}
			Registration node = run.node;
			BandmasterException failure;
			synchronized (node) {
				// Already skipped through another unavailable service, or cancelled.
				if (!run.isWaiting()) {
					continue;
				}
				failure = this.direction.blocked(node.definition, this.graph.name(edge[1]));
				run.skipped(failure);
			}
			this.direction.notifyFailure(tell(run), failure);
			this.log.warn("{}", failure.getMessage());
			for (int next : this.direction.unblocks(this.graph, skipped)) {
				blocked.push(new int[] { next, skipped });
			}
			resolved();
		}
	}

	/**
	 * Resolves every service not resolved yet as failed with {@code cause}, interrupting
	 * those in flight (step 4).
	 * <ol>
	 * <li>Under the service's monitor: a service {@code LAUNCHED} has its state moved to
	 * {@link Direction#failed} and its call, if one runs, marked abandoned
	 * ({@link CallGuard}); one held up by an earlier call keeps the state that call left,
	 * since the call may still change it. It is resolved, and its failure deferred if its
	 * driving thread is announcing.</li>
	 * <li>Outside it: what was in flight is cancelled (an attempt interrupted, a retry
	 * unscheduled), and the failure told unless deferred.</li>
	 * </ol>
	 * Also called from another thread than the one executing the run, by the
	 * {@link Supervisor} when {@code stopAll} ends supervision: once it returns, no call
	 * of this run begins. Each service is resolved once, whoever cancels it first.
	 */
	void cancel(Cause cause) {
		this.cancelled = true;
		for (ServiceRun run : this.runs) {
			if (run == null) {
				continue;
			}
			Registration node = run.node;
			BandmasterException failure;
			Cancellable handle;
			boolean deferred;
			synchronized (node) {
				if (run.isResolved()) {
					continue;
				}
				ServiceRun.Phase phase = run.phase();
				Exception error = cause.of(node.definition, phase == ServiceRun.Phase.AWAITING_CALL);
				if (phase == ServiceRun.Phase.LAUNCHED) {
					node.attemptFailed(this.direction.active, error);
					node.end(this.direction.active, this.direction.failed);
					node.calls.abandon();
				}
				failure = this.direction.failure(node.definition, run.attempts(), error);
				deferred = run.cancel(failure);
				handle = run.takeInFlight();
			}
			if (handle != null) {
				handle.cancel();
			}
			if (!deferred) {
				this.direction.notifyFailure(tell(run), failure);
			}
			resolved();
		}
	}

	private void resolved() {
		if (this.remaining.decrementAndGet() == 0) {
			this.completion.complete(null);
		}
	}

	private List<BandmasterException> errors() {
		List<BandmasterException> result = new ArrayList<>();
		for (ServiceRun run : this.runs) {
			BandmasterException error = (run != null) ? run.error() : null;
			if (error != null) {
				result.add(error);
			}
		}
		return result;
	}

	/** Makes the error of each service a cancellation resolves. */
	@FunctionalInterface
	interface Cause {

		/**
		 * Returns the error of one service.
		 * @param definition the service
		 * @param heldUp whether the service was waiting for a call an earlier run gave up
		 * on
		 * @return its error
		 */
		Exception of(ServiceDefinition definition, boolean heldUp);

	}

	/** A retry waiting for its backoff delay. */
	private record Retry(ScheduledFuture<?> scheduled) implements Cancellable {

		@Override
		public void cancel() {
			this.scheduled.cancel(false);
		}

	}

	/**
	 * One call of a service's start or stop. It can be interrupted (by its timeout or a
	 * cancellation) only while the service's code runs: once that returns, the interrupt
	 * status is cleared so that it reaches neither the run's own bookkeeping nor the next
	 * task of a pooled thread. Its own fields are guarded by itself, a monitor taken only
	 * inside the service's, or alone.
	 */
	private final class Attempt implements Runnable, Cancellable {

		private final int index;

		private final int number;

		private @Nullable Thread runner;

		private boolean finished;

		private boolean timedOut;

		Attempt(int index, int number) {
			this.index = index;
			this.number = number;
		}

		/**
		 * Runs this attempt, then, in a loop rather than by recursion so that no chain is
		 * too long for the stack, each attempt its success hands back.
		 */
		@Override
		public void run() {
			Attempt next = this;
			while (next != null) {
				next = next.runHere();
			}
		}

		private @Nullable Attempt runHere() {
			ServiceRun run = GraphRun.this.run(this.index);
			Registration node = run.node;
			synchronized (node) {
				// Under the service's monitor, under which a cancellation resolves it:
				// either the call begins first, and the cancellation marks it abandoned
				// for the next run to wait for, or the attempt finds the service
				// resolved and its call never begins.
				synchronized (this) {
					if (this.finished || !run.isLaunched()) {
						this.finished = true;
						return null;
					}
					this.runner = Thread.currentThread();
				}
				node.calls.began();
			}
			try {
				return call();
			}
			finally {
				// Only now, after the outcome is recorded and a late start undone, may
				// the service be called again.
				node.calls.ended();
			}
		}

		private @Nullable Attempt call() {
			ServiceDefinition definition = GraphRun.this.graph.nodes[this.index].definition;
			Duration timeout = GraphRun.this.direction.attemptTimeout(definition);
			ScheduledFuture<?> timer = (timeout != null) ? Timers.schedule(this::timeOut, timeout) : null;
			Throwable error = null;
			boolean timedOut;
			MDC.put(MDC_KEY, definition.name());
			try {
				GraphRun.this.direction.invoke(GraphRun.this.graph, this.index);
			}
			catch (Throwable ex) {
				error = ex;
			}
			finally {
				MDC.remove(MDC_KEY);
				synchronized (this) {
					this.finished = true;
					this.runner = null;
					timedOut = this.timedOut;
				}
				Thread.interrupted();
				if (timer != null) {
					timer.cancel(false);
				}
			}
			if (error == null) {
				return succeeded(this.index, this.number);
			}
			if (timedOut && timeout != null && !BandmasterException.isFatal(error)) {
				TimeoutException timeoutError = new TimeoutException("Service '" + definition.name() + "' did not "
						+ GraphRun.this.direction.verb() + " within its " + GraphRun.this.direction.verb()
						+ " timeout of " + BandmasterException.format(timeout));
				timeoutError.addSuppressed(error);
				error = timeoutError;
			}
			failed(this.index, this.number, error, true);
			return null;
		}

		private synchronized void timeOut() {
			if (!this.finished && this.runner != null) {
				this.timedOut = true;
				this.runner.interrupt();
			}
		}

		@Override
		public synchronized void cancel() {
			if (this.runner != null) {
				this.runner.interrupt();
			}
			else {
				this.finished = true;
			}
		}

	}

}
