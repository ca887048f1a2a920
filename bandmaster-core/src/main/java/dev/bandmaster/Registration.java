package dev.bandmaster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * A registered service and its mutable runtime record. Thread-safe: state is written
 * under this object's monitor and read from a volatile field; {@link #ready} completes
 * whenever the service becomes {@link ServiceState#STARTED}.
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

	// The attempt of the current start or stop, guarded by this.
	private int attempt;

	/**
	 * Completes when the call of the service's code now running returns; {@code null}
	 * when none runs. A run that gives up on a call at its deadline leaves it running:
	 * the next run's attempt waits for it. Guarded by this.
	 */
	private @Nullable CompletableFuture<Void> callInProgress;

	/**
	 * Whether a run gave up on {@link #callInProgress} at its deadline: the call may then
	 * still change the service's state after that run ended. Guarded by this.
	 */
	private boolean callAbandoned;

	Registration(ServiceDefinition definition, MaestroListener listener) {
		this.definition = definition;
		this.listener = listener;
	}

	String name() {
		return this.definition.name();
	}

	ServiceState state() {
		return this.state;
	}

	CompletableFuture<Service> ready() {
		return this.ready;
	}

	/** Moves to {@code newState}; the caller holds this monitor. */
	void moveTo(ServiceState newState) {
		ServiceState previous = this.state;
		this.state = newState;
		if (newState == ServiceState.STARTED) {
			this.ready.complete(this.definition.service());
		}
		else if (previous == ServiceState.STARTED) {
			this.ready = new CompletableFuture<>();
		}
	}

	/** Begins a transition; the caller holds this monitor. */
	void begin(ServiceState transition, Clock clock) {
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
		if (transition == ServiceState.STARTING) {
			this.lastError = error;
		}
	}

	/**
	 * Ends a transition in {@code outcome}; returns how long it took. The caller holds
	 * this monitor.
	 */
	Duration end(ServiceState transition, ServiceState outcome) {
		moveTo(outcome);
		if (transition == ServiceState.STARTING) {
			this.startDuration = Duration.ofNanos(System.nanoTime() - this.startNanos);
			return this.startDuration;
		}
		return Duration.ofNanos(System.nanoTime() - this.stopNanos);
	}

	/** Marks a call of the service's code begun; the caller holds this monitor. */
	void callBegan() {
		this.callInProgress = new CompletableFuture<>();
		this.callAbandoned = false;
	}

	/**
	 * Marks the call now running, if any, as given up on by its run; the caller holds
	 * this monitor.
	 */
	void abandonCall() {
		this.callAbandoned = this.callInProgress != null;
	}

	/** Marks the call ended, letting an attempt waiting for it run. */
	void callEnded() {
		CompletableFuture<Void> ended;
		synchronized (this) {
			ended = this.callInProgress;
			this.callInProgress = null;
			this.callAbandoned = false;
		}
		if (ended != null) {
			ended.complete(null);
		}
	}

	/**
	 * Whether the service takes part in a run going {@code direction}: its state calls
	 * for it, or a call a run gave up on is still running, which may change that state.
	 * Both are read at once, so that such a call ending in between is not missed.
	 */
	synchronized boolean takesPartIn(Direction direction) {
		return direction.participates(this.state) || this.callAbandoned;
	}

	/** Returns the call now running, or {@code null}; the caller holds this monitor. */
	@Nullable CompletableFuture<Void> callInProgress() {
		return this.callInProgress;
	}

	synchronized ServiceSnapshot snapshot() {
		return new ServiceSnapshot(name(), this.definition.required(), this.definition.dependencies(), this.state,
				this.attempts, this.startedAt, this.startDuration, this.lastError);
	}

}
