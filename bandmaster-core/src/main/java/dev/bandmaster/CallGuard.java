package dev.bandmaster;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The rule that no service's code runs twice at once, for one service: the one place it
 * is written and kept.
 * <ol>
 * <li>Every call of the service's {@code start} or {@code stop} is {@linkplain #began()
 * registered} before it runs and {@linkplain #ended() unregistered} once it has returned
 * and its outcome is recorded; while one is registered, no other begins: an attempt that
 * finds one {@linkplain #inProgress() in progress} runs once it has ended.</li>
 * <li>A run that gives up on a call at its deadline (and returns, leaving the call
 * running because it ignores its interruption) marks it {@linkplain #abandon()
 * abandoned}. Such a call may still change the service's state, so the service then
 * {@linkplain Registration#takesPartIn takes part} in every later run, in either
 * direction, whatever its state says; that run deals with it only once the call has ended
 * (the rest of the graph goes on meanwhile, and that run's own deadline still applies),
 * and then by the state the call left.</li>
 * <li>A call that returns normally after its run gave up on it is {@linkplain #settleLate
 * settled} by the worker that ran it, before it ends: a late start is undone at once with
 * {@code stop} (nothing is left running that the caller was told did not start; should
 * that stop fail, the service is running and shows {@link ServiceState#STARTED}, for the
 * next {@code stopAll} to stop, and no {@code startAll} starts it twice); a late stop is
 * recorded as {@link ServiceState#STOPPED}. A late failure leaves the state the
 * cancellation set.</li>
 * </ol>
 * Its fields are guarded by the monitor of the {@link Registration} that owns it, the
 * service's monitor, under which the run's per-service state ({@link ServiceRun}) changes
 * too, so that a call beginning and a cancellation resolving the service are ordered.
 */
final class CallGuard {

	private final Registration registration;

	/**
	 * Completes when the call now running returns; {@code null} when none runs. Guarded
	 * by {@link #registration}.
	 */
	private @Nullable CompletableFuture<Void> inProgress;

	/**
	 * Whether a run gave up on {@link #inProgress} at its deadline. Guarded by
	 * {@link #registration}.
	 */
	private boolean abandoned;

	CallGuard(Registration registration) {
		this.registration = registration;
	}

	/** Registers a call about to begin; the caller holds the service's monitor. */
	void began() {
		assert Thread.holdsLock(this.registration);
		if (this.inProgress != null) {
			throw new AssertionError("Service '" + this.registration.name() + "' is called while a call of it runs");
		}
		this.inProgress = new CompletableFuture<>();
		this.abandoned = false;
	}

	/**
	 * Marks the call now running, if any, as given up on by its run; the caller holds the
	 * service's monitor.
	 */
	void abandon() {
		assert Thread.holdsLock(this.registration);
		this.abandoned = this.inProgress != null;
	}

	/** Whether a call a run gave up on still runs; the caller holds the monitor. */
	boolean abandoned() {
		assert Thread.holdsLock(this.registration);
		return this.abandoned;
	}

	/**
	 * Returns the call now running, or {@code null}; the caller holds the service's
	 * monitor.
	 */
	@Nullable CompletableFuture<Void> inProgress() {
		assert Thread.holdsLock(this.registration);
		return this.inProgress;
	}

	/**
	 * Unregisters the call, letting an attempt waiting for it run. Called without the
	 * service's monitor: what waits runs on completion.
	 */
	void ended() {
		assert !Thread.holdsLock(this.registration);
		CompletableFuture<Void> ended;
		synchronized (this.registration) {
			ended = this.inProgress;
			this.inProgress = null;
			this.abandoned = false;
		}
		if (ended != null) {
			ended.complete(null);
		}
	}

	/**
	 * Settles a call that returned normally after its run was cancelled (rule 3 above).
	 * Called by the worker that ran it, before {@link #ended()}, without the service's
	 * monitor, since it may call the service's {@code stop}.
	 * @param direction what the call was
	 * @param log where to tell what happened
	 */
	void settleLate(Direction direction, EngineLog log) {
		assert !Thread.holdsLock(this.registration);
		Registration node = this.registration;
		if (direction == Direction.STOP) {
			synchronized (node) {
				// A late stop of a service found failing leaves it FAILED, as its
				// cancellation did.
				if (node.state() == ServiceState.STARTED) {
					node.moveTo(ServiceState.STOPPED);
				}
			}
			log.info("Service '{}' finished stopping after its stop was cancelled", node.name());
			return;
		}
		log.warn("Service '{}' finished starting after its start was cancelled; stopping it", node.name());
		try {
			node.definition.service().stop();
		}
		catch (Throwable ex) {
			synchronized (node) {
				node.moveTo(ServiceState.STARTED);
			}
			log.warn("Service '{}' failed to stop after its cancelled start; it stays started", node.name(), ex);
		}
	}

}
