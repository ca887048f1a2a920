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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One {@code startAll} or {@code stopAll}: an event-driven walk of the graph. Each
 * service waits on a counter of the services it waits on; whoever brings that counter to
 * zero launches it. No thread ever blocks waiting for a dependency, backoff delays and
 * timeouts are timer tasks, and every service is resolved (succeeded, failed, skipped or
 * cancelled) exactly once: the run completes when the last one is.
 * <p>
 * A service whose start or stop an earlier run gave up on at its deadline, and whose call
 * has not returned yet, takes part in every run, whatever its state: its turn comes only
 * once that call has returned, and then it is dealt with by the state the call left (a
 * late start undone, a late stop done or failed). So no service's code runs twice at
 * once, and no run reports done while such a call could still change what it did.
 * <p>
 * Per-service bookkeeping ({@link #phase}, {@link #inFlight}, {@link #attempts},
 * {@link #errors}, {@link #announcing}, {@link #failureDeferred}) is guarded by that
 * service's {@link Registration} monitor, held only for a few assignments and never
 * around service or listener code.
 * <p>
 * Listeners hear of one service's events in order. Only a cancellation resolves a service
 * from another thread than the one driving it; when that thread is telling listeners of a
 * transition at that moment ({@code starting}, {@code retryScheduled}), the cancellation
 * leaves the failure for it to deliver once it is done.
 */
final class GraphRun {

	/** The MDC key under which the service's name is set while its start or stop runs. */
	static final String MDC_KEY = "bandmaster.service";

	private static final Logger logger = LoggerFactory.getLogger(Maestro.class);

	private static final byte WAITING = 0;

	/** Its wait is over, but a call an earlier run gave up on has not returned yet. */
	private static final byte AWAITING_CALL = 1;

	private static final byte LAUNCHED = 2;

	private static final byte RESOLVED = 3;

	private final Direction direction;

	private final ServiceGraph graph;

	private final @Nullable Executor sharedExecutor;

	private @Nullable ExecutorService ownedExecutor;

	private final MaestroListener listener;

	private final Clock clock;

	private final boolean[] participant;

	private final byte[] phase;

	private final @Nullable Cancellable[] inFlight;

	private final int[] attempts;

	private final AtomicIntegerArray pending;

	private final AtomicInteger remaining;

	private final int[] initiallyReady;

	private final @Nullable BandmasterException[] errors;

	/**
	 * Per service, whether the thread driving it is telling listeners of a transition,
	 * outside the monitor.
	 */
	private final boolean[] announcing;

	/**
	 * Per service, whether a cancellation left its failure, in {@link #errors}, for the
	 * announcing thread to deliver.
	 */
	private final boolean[] failureDeferred;

	private final CompletableFuture<Void> completion = new CompletableFuture<>();

	private volatile boolean cancelled;

	GraphRun(Direction direction, ServiceGraph graph, @Nullable Executor executor, MaestroListener listener,
			Clock clock) {
		this.direction = direction;
		this.graph = graph;
		this.sharedExecutor = executor;
		this.listener = listener;
		this.clock = clock;
		int size = graph.size();
		this.participant = new boolean[size];
		this.phase = new byte[size];
		this.inFlight = new Cancellable[size];
		this.attempts = new int[size];
		this.errors = new BandmasterException[size];
		this.announcing = new boolean[size];
		this.failureDeferred = new boolean[size];
		this.pending = new AtomicIntegerArray(size);
		int participants = 0;
		for (int i = 0; i < size; i++) {
			this.participant[i] = graph.nodes[i].takesPartIn(direction);
			participants += this.participant[i] ? 1 : 0;
		}
		this.remaining = new AtomicInteger(participants);
		int[] ready = new int[participants];
		int readyCount = 0;
		for (int i = 0; i < size; i++) {
			if (this.participant[i]) {
				int waits = 0;
				for (int other : direction.waitsOn(graph, i)) {
					waits += this.participant[other] ? 1 : 0;
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
		for (int index = 0; index < this.participant.length; index++) {
			if (this.participant[index]) {
				ServiceDefinition definition = this.graph.nodes[index].definition;
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
		String outcome = (this.direction == Direction.START) ? "started" : "stopped";
		String why = heldUp ? ", while a call of it that an earlier run gave up on at its deadline had not returned"
				: "";
		return "before service '" + definition.name() + "' " + outcome + why;
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

	/**
	 * Launches a service whose wait is over: its first attempt, to be run by the caller,
	 * or {@code null} when there is nothing to run now.
	 */
	private @Nullable Attempt launch(int index) {
		Registration node = this.graph.nodes[index];
		CompletableFuture<Void> earlierCall;
		synchronized (node) {
			if (this.cancelled || this.phase[index] != WAITING) {
				return null;
			}
			earlierCall = node.callInProgress();
			if (earlierCall != null) {
				this.phase[index] = AWAITING_CALL;
			}
		}
		if (earlierCall == null) {
			return takeTurn(index);
		}
		// An earlier run gave up on a call of this service at its deadline and that call
		// has not returned yet: only this service, and what waits on it, waits for it.
		// This run's own deadline still applies.
		logger.debug("Service '{}' waits for a call an earlier run gave up on to return", node.name());
		earlierCall.thenRun(() -> {
			Attempt first = takeTurn(index);
			if (first != null) {
				dispatch(first);
			}
		});
		return null;
	}

	/**
	 * Begins the transition of a service no earlier call holds up any more, or, when the
	 * state a late call left needs none (a late stop that succeeded, a late start
	 * undone), resolves it at once.
	 */
	private @Nullable Attempt takeTurn(int index) {
		Registration node = this.graph.nodes[index];
		boolean needed;
		synchronized (node) {
			if (this.phase[index] != WAITING && this.phase[index] != AWAITING_CALL) {
				return null;
			}
			needed = this.direction.participates(node.state());
			this.phase[index] = needed ? LAUNCHED : RESOLVED;
			if (needed) {
				node.begin(this.direction.active, this.clock);
				this.announcing[index] = true;
			}
		}
		if (!needed) {
			logger.debug("Service '{}' is {} since a late call: nothing to {}", node.name(), node.state(),
					this.direction.verb());
			return unblock(index);
		}
		if (this.direction == Direction.START) {
			this.listener.starting(node.name());
		}
		else {
			this.listener.stopping(node.name());
		}
		logger.debug("Service '{}' {}", node.name(), (this.direction == Direction.START) ? "starting" : "stopping");
		announced(index);
		return prepare(index, 1);
	}

	/**
	 * Ends the announcement of a transition of service {@code index}, delivering the
	 * failure a cancellation left meanwhile, so that it comes after.
	 */
	private void announced(int index) {
		BandmasterException deferred;
		synchronized (this.graph.nodes[index]) {
			this.announcing[index] = false;
			deferred = this.failureDeferred[index] ? this.errors[index] : null;
			this.failureDeferred[index] = false;
		}
		if (deferred != null) {
			this.direction.notifyFailure(this.listener, deferred);
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
		Registration node = this.graph.nodes[index];
		Attempt attempt = new Attempt(index, number);
		CompletableFuture<Void> previousCall;
		synchronized (node) {
			if (this.phase[index] != LAUNCHED) {
				return null;
			}
			this.inFlight[index] = attempt;
			this.attempts[index] = number;
			node.attempting(this.direction.active, number);
			previousCall = node.callInProgress();
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
		Registration node = this.graph.nodes[index];
		Duration took;
		synchronized (node) {
			if (this.phase[index] != LAUNCHED) {
				took = null;
			}
			else {
				this.phase[index] = RESOLVED;
				this.inFlight[index] = null;
				took = node.end(this.direction.active, this.direction.succeeded);
			}
		}
		if (took == null) {
			completedAfterCancellation(node);
			return null;
		}
		if (this.direction == Direction.START) {
			this.listener.started(node.name(), took, number);
			logger.debug("Service '{}' started in {} ms after {} attempt(s)", node.name(), took.toMillis(), number);
		}
		else {
			this.listener.stopped(node.name(), took);
			logger.debug("Service '{}' stopped in {} ms", node.name(), took.toMillis());
		}
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
			if (this.participant[next] && this.pending.decrementAndGet(next) == 0) {
				if (kept >= 0) {
					begin(kept);
				}
				kept = next;
			}
		}
		resolved();
		return (kept >= 0) ? launch(kept) : null;
	}

	private void failed(int index, int number, Throwable error, boolean retryable) {
		Registration node = this.graph.nodes[index];
		ServiceDefinition definition = node.definition;
		RetryPolicy policy = definition.retryPolicy();
		if (retryable && number <= policy.retries() && !this.cancelled) {
			Duration delay = policy.backoffBefore(number, node.jitterFraction());
			synchronized (node) {
				if (this.phase[index] != LAUNCHED) {
					return;
				}
				node.attemptFailed(this.direction.active, error);
				this.announcing[index] = true;
			}
			// Listeners hear of the retry before it is scheduled: once scheduled, a short
			// backoff could run the next attempt, and report its outcome, before this
			// call, breaking the per-service event order.
			this.listener.retryScheduled(node.name(), this.direction.active, number, delay, error);
			logger.info("Service '{}' failed to {} (attempt {} of {}), retrying in {}: {}", node.name(),
					this.direction.verb(), number, policy.retries() + 1, BandmasterException.format(delay),
					BandmasterException.describe(error));
			announced(index);
			synchronized (node) {
				// A cancellation in between resolved the service: nothing to schedule.
				if (this.phase[index] == LAUNCHED) {
					this.inFlight[index] = new Retry(Timers.schedule(() -> attempt(index, number + 1), delay));
				}
			}
			return;
		}
		BandmasterException failure = this.direction.failure(definition, number, error);
		synchronized (node) {
			if (this.phase[index] != LAUNCHED) {
				return;
			}
			this.phase[index] = RESOLVED;
			this.errors[index] = failure;
			this.inFlight[index] = null;
			node.attemptFailed(this.direction.active, error);
			node.end(this.direction.active, this.direction.failed);
		}
		this.direction.notifyFailure(this.listener, failure);
		// The caller receives the failure with its cause; the stack trace is only worth a
		// line at debug level.
		logger.warn(failure.getMessage());
		logger.debug("Service '{}' failed to {}", node.name(), this.direction.verb(), error);
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
			if (!this.participant[skipped]) {
				continue;
			}
			Registration node = this.graph.nodes[skipped];
			BandmasterException failure;
			synchronized (node) {
				if (this.phase[skipped] != WAITING) {
					continue;
				}
				this.phase[skipped] = RESOLVED;
				failure = this.direction.blocked(node.definition, this.graph.name(edge[1]));
				this.errors[skipped] = failure;
			}
			this.direction.notifyFailure(this.listener, failure);
			logger.warn(failure.getMessage());
			for (int next : this.direction.unblocks(this.graph, skipped)) {
				blocked.push(new int[] { next, skipped });
			}
			resolved();
		}
	}

	/**
	 * Resolves every service not resolved yet as failed with {@code cause}, interrupting
	 * those in flight.
	 */
	private void cancel(Cause cause) {
		this.cancelled = true;
		for (int index = 0; index < this.participant.length; index++) {
			if (!this.participant[index]) {
				continue;
			}
			Registration node = this.graph.nodes[index];
			BandmasterException failure;
			Cancellable handle;
			boolean deferred;
			synchronized (node) {
				if (this.phase[index] == RESOLVED) {
					continue;
				}
				// A service held up by an earlier call keeps the state that call left:
				// the call may still change it.
				Exception error = cause.of(node.definition, this.phase[index] == AWAITING_CALL);
				if (this.phase[index] == LAUNCHED) {
					node.attemptFailed(this.direction.active, error);
					node.end(this.direction.active, this.direction.failed);
					node.abandonCall();
				}
				this.phase[index] = RESOLVED;
				failure = this.direction.failure(node.definition, this.attempts[index], error);
				this.errors[index] = failure;
				deferred = this.announcing[index];
				this.failureDeferred[index] = deferred;
				handle = this.inFlight[index];
				this.inFlight[index] = null;
			}
			if (handle != null) {
				handle.cancel();
			}
			if (!deferred) {
				this.direction.notifyFailure(this.listener, failure);
			}
			resolved();
		}
	}

	/**
	 * An attempt finished normally after its service had been cancelled. A late start is
	 * undone at once, so that nothing is left running that the caller was told did not
	 * start; when that stop fails the service is running, and is shown
	 * {@link ServiceState#STARTED} so that the next {@code stopAll} stops it (and what it
	 * depends on only after it) and no {@code startAll} starts it twice. A late stop is
	 * simply recorded.
	 */
	private void completedAfterCancellation(Registration node) {
		if (this.direction == Direction.START) {
			logger.warn("Service '{}' finished starting after its start was cancelled; stopping it", node.name());
			try {
				node.definition.service().stop();
			}
			catch (Exception ex) {
				synchronized (node) {
					node.moveTo(ServiceState.STARTED);
				}
				logger.warn("Service '{}' failed to stop after its cancelled start; it stays started", node.name(), ex);
			}
		}
		else {
			synchronized (node) {
				node.moveTo(ServiceState.STOPPED);
			}
			logger.info("Service '{}' finished stopping after its stop was cancelled", node.name());
		}
	}

	private void resolved() {
		if (this.remaining.decrementAndGet() == 0) {
			this.completion.complete(null);
		}
	}

	private List<BandmasterException> errors() {
		List<BandmasterException> result = new ArrayList<>();
		for (BandmasterException error : this.errors) {
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

	/** Something in flight for a service that a cancellation must stop. */
	private interface Cancellable {

		void cancel();

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
	 * task of a pooled thread.
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
			Registration node = GraphRun.this.graph.nodes[this.index];
			synchronized (node) {
				// Under the service's monitor, under which a cancellation resolves it:
				// either the call begins first, and the cancellation marks it abandoned
				// for the next run to wait for, or the attempt finds the service
				// resolved and its call never begins.
				synchronized (this) {
					if (this.finished || GraphRun.this.phase[this.index] != LAUNCHED) {
						this.finished = true;
						return null;
					}
					this.runner = Thread.currentThread();
				}
				node.callBegan();
			}
			try {
				return call();
			}
			finally {
				// Only now, after the outcome is recorded and a late start undone, may
				// the service be called again.
				node.callEnded();
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
			if (timedOut && timeout != null) {
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
