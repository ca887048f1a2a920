package dev.bandmaster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A registered service and its mutable runtime record. Thread-safe: state is written
 * under this object's monitor and read from a volatile field; {@link #ready} completes
 * whenever the service becomes {@link ServiceState#STARTED}.
 * <p>
 * This object's monitor is <em>the service's monitor</em>: it also guards the service's
 * {@link CallGuard} and its {@link ServiceRun} in the run under way. It is held only for
 * a few assignments, never around service or listener code.
 */
final class Registration {

	final ServiceDefinition definition;

	/** The maestro's listeners, told of each attempt as its call begins. */
	private final MaestroListener listener;

	private volatile ServiceState state = ServiceState.STOPPED;

	private volatile CompletableFuture<Service> ready = new CompletableFuture<>();

	// The latest start's record, guarded by this.
	private int attempts;

	private @Nullable Instant startedAt;

	private long startNanos;

	private @Nullable Duration startDuration;

	private @Nullable Throwable lastError;

	// The current stop's beginning, guarded by this.
	private long stopNanos;

	// Failures found after the boot, guarded by this.
	private int failures;

	private @Nullable Instant lastFailedAt;

	private @Nullable Throwable lastFailure;

	/**
	 * Whether the service was found failing while started and its stop, which releases
	 * what it holds, has not begun yet. Guarded by this.
	 */
	private boolean releasePending;

	/** Whether the stop under way is such a release. Guarded by this. */
	private boolean releasing;

	/** Keeps any two calls of the service's code from running at once. */
	final CallGuard calls = new CallGuard(this);

	// The attempt of the current start or stop, guarded by this.
	private int attempt;

	/** Draws the random fraction of each retry's jitter, in {@code [0, 1)}. */
	private final DoubleSupplier jitterSource;

	Registration(ServiceDefinition definition, DoubleSupplier jitterSource, MaestroListener listener) {
		this.definition = definition;
		this.jitterSource = jitterSource;
		this.listener = listener;
	}

	String name() {
		return this.definition.name();
	}

	/**
	 * Draws the random number that {@link RetryPolicy#backoffBefore(int, double)} takes
	 * for the next retry's jitter.
	 */
	double jitterFraction() {
		return this.jitterSource.getAsDouble();
	}

	ServiceState state() {
		return this.state;
	}

	CompletableFuture<Service> ready() {
		return this.ready;
	}

	/** Moves to {@code newState}; the caller holds this monitor. */
	void moveTo(ServiceState newState) {
		assert Thread.holdsLock(this);
		ServiceState previous = this.state;
		this.state = newState;
		if (newState == ServiceState.STARTED) {
			this.ready.complete(this.definition.service());
		}
		else if (previous == ServiceState.STARTED) {
			this.ready = new CompletableFuture<>();
		}
	}

	/**
	 * Marks a started service as failing: {@code STARTED -> FAILED}, its stop pending so
	 * that the next stop run releases it. The caller holds this monitor.
	 * @return {@code false}, changing nothing, when it is not
	 * {@link ServiceState#STARTED}
	 */
	boolean markFailed(Throwable cause, Clock clock) {
		assert Thread.holdsLock(this);
		if (this.state != ServiceState.STARTED) {
			return false;
		}
		moveTo(ServiceState.FAILED);
		this.releasePending = true;
		this.failures++;
		this.lastFailedAt = clock.instant();
		this.lastFailure = cause;
		return true;
	}

	/** Whether a stop must still release the failed service; the caller holds this. */
	boolean releasePending() {
		assert Thread.holdsLock(this);
		return this.releasePending;
	}

	/** Begins a transition; the caller holds this monitor. */
	void begin(ServiceState transition, Clock clock) {
		assert Thread.holdsLock(this);
		this.releasing = transition == ServiceState.STOPPING && this.releasePending;
		this.releasePending = false;
		moveTo(transition);
		if (transition == ServiceState.STARTING) {
			this.attempts = 0;
			this.startedAt = clock.instant();
			this.startNanos = System.nanoTime();
			this.startDuration = null;
			this.lastError = null;
		}
		else {
			this.stopNanos = System.nanoTime();
		}
	}

	/** Counts an attempt about to run; the caller holds this monitor. */
	void attempting(ServiceState transition, int attempt) {
		assert Thread.holdsLock(this);
		this.attempt = attempt;
		if (transition == ServiceState.STARTING) {
			this.attempts = attempt;
		}
	}

	/**
	 * Tells the listeners that the attempt counted last is about to call the service's
	 * code, on the thread that runs it.
	 */
	void announceAttempt(ServiceState transition) {
		int current;
		synchronized (this) {
			current = this.attempt;
		}
		this.listener.attemptStarting(name(), transition, current);
	}

	/** Records a failed attempt; the caller holds this monitor. */
	void attemptFailed(ServiceState transition, Throwable error) {
		assert Thread.holdsLock(this);
		if (transition == ServiceState.STARTING) {
			this.lastError = error;
		}
	}

	/**
	 * Ends a transition in {@code outcome}; returns how long it took. The caller holds
	 * this monitor.
	 */
	Duration end(ServiceState transition, ServiceState outcome) {
		assert Thread.holdsLock(this);
		// A failed service's release ends FAILED, whether its stop succeeded or not.
		moveTo(this.releasing ? ServiceState.FAILED : outcome);
		this.releasing = false;
		if (transition == ServiceState.STARTING) {
			this.startDuration = Duration.ofNanos(System.nanoTime() - this.startNanos);
			return this.startDuration;
		}
		return Duration.ofNanos(System.nanoTime() - this.stopNanos);
	}

	/**
	 * Whether the service takes part in a run going {@code direction}: its state calls
	 * for it, or a call a run gave up on is still running, which may change that state
	 * (see {@link CallGuard}). Both are read at once, so that such a call ending in
	 * between is not missed.
	 */
	synchronized boolean takesPartIn(Direction direction) {
		return direction.participates(this) || this.calls.abandoned();
	}

	synchronized ServiceSnapshot snapshot() {
		return new ServiceSnapshot(name(), this.definition.required(), this.definition.dependencies(), this.state,
				this.attempts, this.startedAt, this.startDuration, this.lastError, this.failures, this.lastFailedAt,
				this.lastFailure);
	}

}
