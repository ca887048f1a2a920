package dev.bandmaster.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service that records each call of its {@code start}, {@code stop} and {@code check}
 * into a shared {@link Timeline}, counts them, keeps the {@link Dependencies} it was last
 * given, and notes every breach of the {@link Service} contract it can see: two calls at
 * once, a start while started, a stop or a check while not started. An optional
 * {@link Step} runs inside each call, so a test can make it block, wait on a latch, or
 * fail. Thread-safe.
 */
public final class RecordingService implements Service {

	private final String name;

	private final Timeline timeline;

	private final AtomicInteger starts = new AtomicInteger();

	private final AtomicInteger stops = new AtomicInteger();

	private final AtomicInteger inside = new AtomicInteger();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private volatile Step onStart = () -> {
	};

	private volatile Step onStop = () -> {
	};

	private volatile Step onCheck = () -> {
	};

	private final AtomicInteger checks = new AtomicInteger();

	private volatile Dependencies lastDependencies;

	/**
	 * Creates a service that records into {@code timeline}.
	 * @param name the name it records its events under
	 * @param timeline where to record
	 */
	public RecordingService(String name, Timeline timeline) {
		this.name = name;
		this.timeline = timeline;
	}

	/**
	 * Creates a service with its own timeline.
	 * @param name the name it records its events under
	 */
	public RecordingService(String name) {
		this(name, new Timeline());
	}

	/**
	 * Sets what each {@code start} does after recording that it began; a step that throws
	 * fails the start.
	 * @param step the step
	 * @return this service
	 */
	public RecordingService onStart(Step step) {
		this.onStart = step;
		return this;
	}

	/**
	 * Sets what each {@code stop} does after recording that it began; a step that throws
	 * fails the stop.
	 * @param step the step
	 * @return this service
	 */
	public RecordingService onStop(Step step) {
		this.onStop = step;
		return this;
	}

	/**
	 * Sets what each {@code check} does after recording that it began; a step that throws
	 * fails the check.
	 * @param step the step
	 * @return this service
	 */
	public RecordingService onCheck(Step step) {
		this.onCheck = step;
		return this;
	}

	@Override
	public void start(Dependencies dependencies) throws Exception {
		enter("start");
		if (this.running) {
			this.violations.add("start called on " + this.name + " while it was started");
		}
		this.starts.incrementAndGet();
		this.lastDependencies = dependencies;
		this.timeline.record(this.name, Timeline.Kind.START_BEGAN);
		try {
			this.onStart.run();
			this.running = true;
			this.timeline.record(this.name, Timeline.Kind.STARTED);
		}
		catch (Exception | Error ex) {
			this.timeline.record(this.name, Timeline.Kind.START_FAILED);
			throw ex;
		}
		finally {
			this.inside.decrementAndGet();
		}
	}

	@Override
	public void stop() throws Exception {
		enter("stop");
		if (!this.running) {
			this.violations.add("stop called on " + this.name + " while it was not started");
		}
		this.stops.incrementAndGet();
		this.timeline.record(this.name, Timeline.Kind.STOP_BEGAN);
		try {
			this.onStop.run();
			this.running = false;
			this.timeline.record(this.name, Timeline.Kind.STOPPED);
		}
		catch (Exception | Error ex) {
			this.timeline.record(this.name, Timeline.Kind.STOP_FAILED);
			throw ex;
		}
		finally {
			this.inside.decrementAndGet();
		}
	}

	@Override
	public void check() throws Exception {
		enter("check");
		if (!this.running) {
			this.violations.add("check called on " + this.name + " while it was not started");
		}
		this.checks.incrementAndGet();
		this.timeline.record(this.name, Timeline.Kind.CHECK_BEGAN);
		try {
			this.onCheck.run();
		}
		catch (Exception | Error ex) {
			this.timeline.record(this.name, Timeline.Kind.CHECK_FAILED);
			throw ex;
		}
		finally {
			this.inside.decrementAndGet();
		}
	}

	private void enter(String call) {
		if (this.inside.incrementAndGet() > 1) {
			this.violations.add(call + " called on " + this.name + " while another call was running");
		}
	}

	/**
	 * Returns the name it records its events under.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the timeline it records into.
	 * @return the timeline
	 */
	public Timeline timeline() {
		return this.timeline;
	}

	/**
	 * Tells how many times {@code start} was called, failed calls included.
	 * @return the count
	 */
	public int starts() {
		return this.starts.get();
	}

	/**
	 * Tells how many times {@code stop} was called, failed calls included.
	 * @return the count
	 */
	public int stops() {
		return this.stops.get();
	}

	/**
	 * Tells how many times {@code check} was called, failed calls included.
	 * @return the count
	 */
	public int checks() {
		return this.checks.get();
	}

	/**
	 * Tells whether the last {@code start} succeeded and no {@code stop} succeeded since.
	 * @return {@code true} when running
	 */
	public boolean running() {
		return this.running;
	}

	/**
	 * Returns every breach of the {@link Service} contract seen so far.
	 * @return a copy of the violations; empty when the maestro behaved
	 */
	public List<String> violations() {
		return List.copyOf(this.violations);
	}

	/**
	 * Returns the dependencies handed to the latest {@code start}.
	 * @return the dependencies, or {@code null} before the first start
	 */
	public Dependencies lastDependencies() {
		return this.lastDependencies;
	}

	@Override
	public String toString() {
		return "RecordingService[" + this.name + "]";
	}

	/**
	 * Something a {@link RecordingService} does inside a call.
	 */
	@FunctionalInterface
	public interface Step {

		/**
		 * Runs the step.
		 * @throws Exception to fail the call
		 */
		void run() throws Exception;

	}

}
