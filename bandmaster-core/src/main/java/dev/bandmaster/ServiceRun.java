package dev.bandmaster;

import org.jspecify.annotations.Nullable;

/**
 * One service's part in one {@link GraphRun}: where it is in the run ({@link Phase}),
 * what of it is in flight, how many attempts it has had, its error, and whether the
 * thread driving it is telling listeners of a transition. Every field but the final ones
 * is guarded by the service's monitor (its {@link Registration}'s), which every method
 * but the constructor requires; a transition the table below does not allow is a bug in
 * the engine and throws an {@link AssertionError} naming the service and the phases.
 *
 * <pre>
 * from           event                                        to
 * WAITING        its wait is over, no earlier call runs,
 *                  and its state calls for the transition     LAUNCHED
 * WAITING        its wait is over, no earlier call runs,
 *                  and a late call left nothing to do          RESOLVED
 * WAITING        its wait is over, a call an earlier run
 *                  gave up on still runs (see CallGuard)       AWAITING_CALL
 * AWAITING_CALL  that call returned                           LAUNCHED | RESOLVED, as from WAITING
 * WAITING        a service it waits on is unavailable         RESOLVED (skipped)
 * LAUNCHED       an attempt succeeded                         RESOLVED
 * LAUNCHED       the last attempt failed                      RESOLVED
 * LAUNCHED       an attempt failed and a retry is scheduled   LAUNCHED
 * any but RESOLVED  the run is cancelled                      RESOLVED
 * </pre>
 *
 * A service is resolved exactly once. What may find it resolved already, because a
 * cancellation or a skip got there first, is told by the {@code is...} checks returning
 * {@code false}; everything else is impossible.
 * <p>
 * <b>Announcing.</b> Listeners hear of one service's events in order, and are never
 * called under the monitor. A cancellation resolves a service from another thread than
 * the one driving it; when that thread is telling listeners of a transition at that
 * moment ({@code starting}, {@code stopping}, {@code retryScheduled}), the cancellation
 * leaves the failure for it to deliver once it is done:
 * <ol>
 * <li>the driving thread marks the service {@linkplain #launch announcing} under the
 * monitor, then calls the listeners without it;</li>
 * <li>a cancellation meanwhile {@linkplain #cancel records} the failure and, seeing the
 * announcement, defers it instead of delivering it;</li>
 * <li>the driving thread, done, {@linkplain #announced() ends the announcement} under the
 * monitor and, outside it, delivers the failure deferred, if any.</li>
 * </ol>
 */
final class ServiceRun {

	/** Where a service is in one run. */
	enum Phase {

		/** Waits for the services it waits on. */
		WAITING,

		/**
		 * Its wait is over, but a call an earlier run gave up on has not returned yet.
		 */
		AWAITING_CALL,

		/** Its transition is under way: an attempt runs, or a retry is scheduled. */
		LAUNCHED,

		/** Done in this run: succeeded, failed, skipped or cancelled. */
		RESOLVED

	}

	final Registration node;

	/** Guarded by {@link #node}. */
	private Phase phase = Phase.WAITING;

	/**
	 * The attempt running or the retry scheduled, for a cancellation to stop. Guarded by
	 * {@link #node}.
	 */
	private @Nullable Cancellable inFlight;

	/** The number of the latest attempt, 0 before the first. Guarded by {@link #node}. */
	private int attempts;

	/** Why the service was not done, once resolved so. Guarded by {@link #node}. */
	private @Nullable BandmasterException error;

	/**
	 * Whether the thread driving the service is telling listeners of a transition.
	 * Guarded by {@link #node}.
	 */
	private boolean announcing;

	/**
	 * Whether a cancellation left {@link #error} for the announcing thread to deliver.
	 * Guarded by {@link #node}.
	 */
	private boolean failureDeferred;

	ServiceRun(Registration node) {
		this.node = node;
	}

	/**
	 * Whether the service still waits. {@code false} once resolved (skipped or
	 * cancelled); any other phase is impossible.
	 */
	boolean isWaiting() {
		return is(Phase.WAITING);
	}

	/**
	 * Whether the service's transition is under way. {@code false} once resolved (by a
	 * cancellation); any other phase is impossible.
	 */
	boolean isLaunched() {
		return is(Phase.LAUNCHED);
	}

	/**
	 * Whether the service is waiting, its own wait over or not, to begin its transition:
	 * {@code WAITING} or {@code AWAITING_CALL}. {@code false} once resolved (by a
	 * cancellation); {@code LAUNCHED} is impossible.
	 */
	boolean isBeforeLaunch() {
		assert Thread.holdsLock(this.node);
		if (this.phase == Phase.LAUNCHED) {
			throw impossible("be launched twice");
		}
		return this.phase != Phase.RESOLVED;
	}

	boolean isResolved() {
		assert Thread.holdsLock(this.node);
		return this.phase == Phase.RESOLVED;
	}

	/** {@code WAITING -> AWAITING_CALL}: held up by a call an earlier run gave up on. */
	void awaitCall() {
		move(Phase.WAITING, Phase.AWAITING_CALL);
	}

	/**
	 * {@code WAITING | AWAITING_CALL -> LAUNCHED}, announcing (step 1 above): the
	 * transition begins.
	 */
	void launch() {
		if (!isBeforeLaunch()) {
			throw impossible("be launched");
		}
		this.phase = Phase.LAUNCHED;
		this.announcing = true;
	}

	/** {@code WAITING | AWAITING_CALL -> RESOLVED}: nothing to do. */
	void resolveUnneeded() {
		if (!isBeforeLaunch()) {
			throw impossible("be resolved as unneeded");
		}
		this.phase = Phase.RESOLVED;
	}

	/** Records the attempt about to run: {@code LAUNCHED} only. */
	void attempting(Cancellable attempt, int number) {
		expect(Phase.LAUNCHED, "run an attempt");
		this.inFlight = attempt;
		this.attempts = number;
	}

	/** Announces a retry (step 1 above): {@code LAUNCHED} only. */
	void retrying() {
		expect(Phase.LAUNCHED, "announce a retry");
		this.announcing = true;
	}

	/** Records the retry scheduled: {@code LAUNCHED} only. */
	void scheduled(Cancellable retry) {
		expect(Phase.LAUNCHED, "schedule a retry");
		this.inFlight = retry;
	}

	/** {@code LAUNCHED -> RESOLVED}: the transition succeeded. */
	void succeeded() {
		move(Phase.LAUNCHED, Phase.RESOLVED);
		this.inFlight = null;
	}

	/** {@code LAUNCHED -> RESOLVED}: the last attempt failed. */
	void failed(BandmasterException failure) {
		move(Phase.LAUNCHED, Phase.RESOLVED);
		this.inFlight = null;
		this.error = failure;
	}

	/** {@code WAITING -> RESOLVED}: skipped, a service it waits on being unavailable. */
	void skipped(BandmasterException failure) {
		move(Phase.WAITING, Phase.RESOLVED);
		this.error = failure;
	}

	/**
	 * {@code WAITING | AWAITING_CALL | LAUNCHED -> RESOLVED}: cancelled (step 2 above).
	 * @param failure the service's error
	 * @return whether the failure is deferred to the announcing thread
	 */
	boolean cancel(BandmasterException failure) {
		if (isResolved()) {
			throw impossible("be cancelled");
		}
		this.phase = Phase.RESOLVED;
		this.error = failure;
		this.failureDeferred = this.announcing;
		return this.failureDeferred;
	}

	/** Takes what is in flight, for a cancellation to stop. */
	@Nullable Cancellable takeInFlight() {
		assert Thread.holdsLock(this.node);
		Cancellable taken = this.inFlight;
		this.inFlight = null;
		return taken;
	}

	/**
	 * Ends an announcement (step 3 above).
	 * @return the failure a cancellation deferred meanwhile, to deliver now, or
	 * {@code null}
	 */
	@Nullable BandmasterException announced() {
		assert Thread.holdsLock(this.node);
		if (!this.announcing) {
			throw impossible("end an announcement it did not make");
		}
		this.announcing = false;
		BandmasterException deferred = this.failureDeferred ? this.error : null;
		this.failureDeferred = false;
		return deferred;
	}

	Phase phase() {
		assert Thread.holdsLock(this.node);
		return this.phase;
	}

	int attempts() {
		assert Thread.holdsLock(this.node);
		return this.attempts;
	}

	/** The service's error, once it is resolved; read after the run completed. */
	@Nullable BandmasterException error() {
		synchronized (this.node) {
			return this.error;
		}
	}

	private boolean is(Phase expected) {
		assert Thread.holdsLock(this.node);
		if (this.phase == expected) {
			return true;
		}
		if (this.phase == Phase.RESOLVED) {
			return false;
		}
		throw impossible("be found " + expected);
	}

	private void expect(Phase expected, String action) {
		assert Thread.holdsLock(this.node);
		if (this.phase != expected) {
			throw impossible(action);
		}
	}

	private void move(Phase from, Phase to) {
		assert Thread.holdsLock(this.node);
		if (this.phase != from) {
			throw impossible("go from " + from + " to " + to);
		}
		this.phase = to;
	}

	private AssertionError impossible(String action) {
		return new AssertionError("Service '" + this.node.name() + "' cannot " + action + " in phase " + this.phase
				+ " (attempts " + this.attempts + ", announcing " + this.announcing + ")");
	}

	/** Something in flight for a service that a cancellation must stop. */
	interface Cancellable {

		void cancel();

	}

}
