package dev.bandmaster.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;

/**
 * Checks that a {@link Service} implementation behaves, whatever test framework runs it:
 * a failed check throws an {@link AssertionError} that says which check failed and why.
 * <p>
 * Every check drives a fresh instance, made by the given supplier, through a real
 * {@link Maestro}, so that the maestro's side of the contract holds (a {@code stop} only
 * for a started service, never two calls at once):
 * <ul>
 * <li><b>start then stop</b>: {@code startAll} starts it and {@code stopAll} stops it,
 * without error;</li>
 * <li><b>restartable</b>: start, stop, start, stop again, without error;</li>
 * <li><b>idempotent stop</b>: a second {@code stopAll} is a no-op that does not call
 * {@code stop} again;</li>
 * <li><b>cancellation</b>: a start still running when the boot's deadline passes is
 * interrupted, and returns, normally or by throwing, within the
 * {@linkplain #cancellationBound(Duration) cancellation bound}. A start that finishes
 * before the {@linkplain #interruptAfter(Duration) interruption} has nothing to honour
 * and passes.</li>
 * </ul>
 * Typical use, in a JUnit test or anywhere else: <pre class="code">
 * ServiceConformance.of(() -&gt; new MyClient(config))
 *     .dependency("config", new ConfigService())
 *     .cancellationBound(Duration.ofSeconds(1))
 *     .verify();
 * </pre> Not thread-safe: configure it, then call {@link #verify()}.
 */
public final class ServiceConformance {

	/** The name the service under test is registered under. */
	public static final String SERVICE_NAME = "service-under-test";

	private final Supplier<? extends Service> factory;

	private final Map<String, Service> dependencies = new LinkedHashMap<>();

	private int retries;

	private Duration initialBackoff = Duration.ZERO;

	private Duration startTimeout;

	private Duration callTimeout = Duration.ofSeconds(10);

	private Duration interruptAfter = Duration.ofMillis(100);

	private Duration cancellationBound = Duration.ofSeconds(1);

	private ServiceConformance(Supplier<? extends Service> factory) {
		this.factory = factory;
	}

	/**
	 * Starts the checks of a service implementation.
	 * @param factory makes a new, never started, instance each time it is called
	 * @return the checker, with default settings
	 */
	public static ServiceConformance of(Supplier<? extends Service> factory) {
		return new ServiceConformance(Objects.requireNonNull(factory, "factory must not be null"));
	}

	/**
	 * Adds a dependency that the service under test is given. Dependencies are started
	 * before, and stopped after, each instance under test.
	 * @param name the name the service under test looks the dependency up by
	 * @param service the dependency
	 * @return this checker
	 */
	public ServiceConformance dependency(String name, Service service) {
		this.dependencies.put(Objects.requireNonNull(name, "name must not be null"),
				Objects.requireNonNull(service, "service must not be null"));
		return this;
	}

	/**
	 * Lets each start and stop be retried, for a service that is expected to fail its
	 * first attempts.
	 * @param retries how many more attempts after a failed one (default 0)
	 * @param initialBackoff the wait before the first retry (default zero)
	 * @return this checker
	 */
	public ServiceConformance retries(int retries, Duration initialBackoff) {
		this.retries = retries;
		this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff must not be null");
		return this;
	}

	/**
	 * Limits each start attempt: a longer one is interrupted and counts as failed
	 * (default: no limit).
	 * @param startTimeout how long one attempt may take
	 * @return this checker
	 */
	public ServiceConformance startTimeout(Duration startTimeout) {
		this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout must not be null");
		return this;
	}

	/**
	 * Sets how long each whole {@code startAll} or {@code stopAll} of the lifecycle
	 * checks may take (default 10 s).
	 * @param callTimeout the deadline of each call
	 * @return this checker
	 */
	public ServiceConformance callTimeout(Duration callTimeout) {
		this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout must not be null");
		return this;
	}

	/**
	 * Sets the boot deadline of the cancellation check: when it passes, a start still
	 * running is interrupted (default 100 ms).
	 * @param interruptAfter the deadline
	 * @return this checker
	 */
	public ServiceConformance interruptAfter(Duration interruptAfter) {
		this.interruptAfter = Objects.requireNonNull(interruptAfter, "interruptAfter must not be null");
		return this;
	}

	/**
	 * Sets how soon an interrupted start must return (default 1 s).
	 * @param cancellationBound the longest time from the interruption to the start's
	 * return
	 * @return this checker
	 */
	public ServiceConformance cancellationBound(Duration cancellationBound) {
		this.cancellationBound = Objects.requireNonNull(cancellationBound, "cancellationBound must not be null");
		return this;
	}

	/**
	 * Runs every check, each on a fresh instance.
	 * @throws AssertionError listing every check that failed
	 */
	public void verify() {
		List<String> failures = new ArrayList<>();
		check("start then stop", this::startThenStop, failures);
		check("restartable", this::restartable, failures);
		check("idempotent stop", this::idempotentStop, failures);
		check("cancellation", this::cancellation, failures);
		if (!failures.isEmpty()) {
			throw new AssertionError("Service does not conform (" + failures.size() + " of 4 checks failed):\n  - "
					+ String.join("\n  - ", failures));
		}
	}

	private void check(String name, Check check, List<String> failures) {
		try {
			check.run();
		}
		catch (AssertionError ex) {
			failures.add(name + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			failures.add(name + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			failures.add(name + ": interrupted");
		}
	}

	private void startThenStop() throws InterruptedException {
		try (Harness harness = new Harness()) {
			harness.start("startAll");
			harness.stop("stopAll");
			harness.expectCalls(1, 1);
		}
	}

	private void restartable() throws InterruptedException {
		try (Harness harness = new Harness()) {
			harness.start("the first startAll");
			harness.stop("the first stopAll");
			harness.start("the startAll after a stopAll");
			harness.stop("the second stopAll");
			harness.expectCalls(2, 2);
		}
	}

	private void idempotentStop() throws InterruptedException {
		try (Harness harness = new Harness()) {
			harness.start("startAll");
			harness.stop("stopAll");
			harness.stop("a second stopAll");
			harness.expectCalls(1, 1);
		}
	}

	private void cancellation() throws InterruptedException {
		try (Harness harness = new Harness()) {
			harness.maestro.startAll(this.interruptAfter);
			if (harness.maestro.state(SERVICE_NAME) == ServiceState.STARTED) {
				return;
			}
			if (!harness.probe.awaitIdle(this.cancellationBound)) {
				throw new AssertionError("its start was still running " + this.cancellationBound.toMillis()
						+ " ms after it was interrupted (the boot deadline of " + this.interruptAfter.toMillis()
						+ " ms passed): start must honour thread interruption");
			}
		}
	}

	@FunctionalInterface
	private interface Check {

		void run() throws InterruptedException;

	}

	/**
	 * One instance under test, wrapped in a probe and registered with its dependencies in
	 * a maestro of its own.
	 */
	private final class Harness implements AutoCloseable {

		private final Maestro maestro = new Maestro();

		private final Probe probe;

		Harness() {
			Service service = ServiceConformance.this.factory.get();
			if (service == null) {
				throw new AssertionError("the factory returned null");
			}
			this.probe = new Probe(service);
			for (Map.Entry<String, Service> dependency : ServiceConformance.this.dependencies.entrySet()) {
				this.maestro.addService(dependency.getKey(), true, dependency.getValue());
			}
			if (!ServiceConformance.this.dependencies.isEmpty()) {
				// Dependencies first, so that the checks time the service under test
				// alone.
				expectNoErrors("starting the dependencies", this.maestro.startAll(ServiceConformance.this.callTimeout));
			}
			ServiceDefinition.Builder definition = ServiceDefinition.builder(SERVICE_NAME, this.probe)
				.dependsOn(ServiceConformance.this.dependencies.keySet())
				.retries(ServiceConformance.this.retries)
				.initialBackoff(ServiceConformance.this.initialBackoff);
			if (ServiceConformance.this.startTimeout != null) {
				definition.startTimeout(ServiceConformance.this.startTimeout);
			}
			this.maestro.addService(definition.build());
		}

		void start(String what) {
			expectNoErrors(what, this.maestro.startAll(ServiceConformance.this.callTimeout));
			expectState(what, ServiceState.STARTED);
		}

		void stop(String what) {
			expectNoErrors(what, this.maestro.stopAll(ServiceConformance.this.callTimeout));
			expectState(what, ServiceState.STOPPED);
		}

		void expectCalls(int starts, int stops) {
			if (this.probe.starts.get() != starts || this.probe.stops.get() != stops) {
				throw new AssertionError("expected " + starts + " successful start(s) and " + stops
						+ " successful stop(s), but saw " + this.probe.starts + " and " + this.probe.stops);
			}
			if (this.probe.overlaps.get() > 0) {
				throw new AssertionError("start or stop was called while another call was running");
			}
		}

		private void expectState(String what, ServiceState expected) {
			ServiceState state = this.maestro.state(SERVICE_NAME);
			if (state != expected) {
				throw new AssertionError("after " + what + " the service is " + state + ", not " + expected);
			}
		}

		private void expectNoErrors(String what, List<BandmasterException> errors) {
			if (!errors.isEmpty()) {
				AssertionError failure = new AssertionError(what + " reported " + errors.size() + " error(s): "
						+ errors.stream().map(Throwable::getMessage).toList());
				errors.forEach(failure::addSuppressed);
				throw failure;
			}
		}

		@Override
		public void close() {
			// Leave nothing running, whatever the check found; the maestro's own errors
			// are the check's business.
			this.maestro.stopAll(ServiceConformance.this.callTimeout);
		}

	}

	/**
	 * Wraps the instance under test to count its successful calls, see overlapping ones
	 * and tell when a start returned.
	 */
	private static final class Probe implements Service {

		private final Service delegate;

		private final AtomicInteger starts = new AtomicInteger();

		private final AtomicInteger stops = new AtomicInteger();

		private final AtomicInteger inside = new AtomicInteger();

		private final AtomicInteger overlaps = new AtomicInteger();

		Probe(Service delegate) {
			this.delegate = delegate;
		}

		@Override
		public void start(Dependencies dependencies) throws Exception {
			enter();
			try {
				this.delegate.start(dependencies);
				this.starts.incrementAndGet();
			}
			finally {
				this.inside.decrementAndGet();
			}
		}

		@Override
		public void stop() throws Exception {
			enter();
			try {
				this.delegate.stop();
				this.stops.incrementAndGet();
			}
			finally {
				this.inside.decrementAndGet();
			}
		}

		private void enter() {
			if (this.inside.incrementAndGet() > 1) {
				this.overlaps.incrementAndGet();
			}
		}

		/** Waits until no call of the instance under test is running. */
		boolean awaitIdle(Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.inside.get() > 0) {
				if (System.nanoTime() - deadline > 0) {
					return false;
				}
				Thread.sleep(1);
			}
			return true;
		}

		@Override
		public String toString() {
			return this.delegate.toString();
		}

	}

}
