package dev.bandmaster.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Every check drives a fresh instance, made by the given supplier, with its
 * {@linkplain #dependency(String, Service) dependencies} started. What is the service's
 * own business is checked by calling its methods directly, on a thread of the kit's own;
 * each "start" or "stop" below is made as a maestro makes it, up to
 * {@linkplain #retries(int, Duration) retries + 1} attempts, each start attempt
 * interrupted at the {@linkplain #startTimeout(Duration) start timeout}, and must succeed
 * within the {@linkplain #callTimeout(Duration) call timeout}:
 * <ul>
 * <li><b>start then stop</b>, through a real {@link Maestro}: {@code startAll} starts it
 * and {@code stopAll} stops it, without error;</li>
 * <li><b>start after stop</b>: start, stop, start, stop again;</li>
 * <li><b>start twice</b>: a start of a started instance succeeds, and one stop then stops
 * it;</li>
 * <li><b>stop twice</b>: a stop of a stopped instance succeeds;</li>
 * <li><b>stop without start</b>: a stop of an instance never started succeeds;</li>
 * <li><b>cancellation</b>: a start still running {@linkplain #interruptAfter(Duration)
 * interruptAfter} after it began is interrupted, and returns, normally or by throwing,
 * within the {@linkplain #cancellationBound(Duration) cancellation bound}, timed from the
 * interruption. A start that finishes before the interruption leaves nothing to cancel:
 * the {@link Report} then says that cancellation was <em>not exercised</em>. To exercise
 * it with a client that starts fast, give the check instances whose start blocks
 * ({@link #cancelling(Supplier)}, e.g. the client pointed at a server that never
 * answers).</li>
 * </ul>
 * What a maestro guarantees on its side (never two calls at once, a {@code stop} only for
 * a started service) is not checked here: that is the engine's business, and its own
 * tests check it.
 * <p>
 * Typical use, in a JUnit test or anywhere else: <pre class="code">
 * ServiceConformance.Report report = ServiceConformance.of(() -&gt; new MyClient(config))
 *     .dependency("config", new ConfigService())
 *     .cancelling(() -&gt; new MyClient(configOfAServerThatNeverAnswers))
 *     .cancellationBound(Duration.ofSeconds(1))
 *     .verify();
 * assertThat(report.notExercised()).isEmpty();
 * </pre> Not thread-safe: configure it, then call {@link #verify()}.
 */
public final class ServiceConformance {

	/** The name the service under test is registered under. */
	public static final String SERVICE_NAME = "service-under-test";

	private final Supplier<? extends Service> factory;

	private Supplier<? extends Service> cancellationFactory;

	private final Map<String, Service> dependencies = new LinkedHashMap<>();

	private int retries;

	private Duration initialBackoff = Duration.ZERO;

	private Duration startTimeout;

	private Duration callTimeout = Duration.ofSeconds(10);

	private Duration interruptAfter = Duration.ofMillis(100);

	private Duration cancellationBound = Duration.ofSeconds(1);

	private ServiceConformance(Supplier<? extends Service> factory) {
		this.factory = factory;
		this.cancellationFactory = factory;
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
	 * before, and stopped after, each check.
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
	 * @param initialBackoff the wait before each retry (default zero)
	 * @return this checker
	 */
	public ServiceConformance retries(int retries, Duration initialBackoff) {
		if (retries < 0) {
			throw new IllegalArgumentException("retries must be zero or more, but was " + retries);
		}
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
	 * Sets how long each start or stop of the lifecycle checks, retries included, and
	 * each {@code startAll} or {@code stopAll}, may take (default 10 s).
	 * @param callTimeout the limit of each call
	 * @return this checker
	 */
	public ServiceConformance callTimeout(Duration callTimeout) {
		this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout must not be null");
		return this;
	}

	/**
	 * Makes the instances the cancellation check starts and interrupts, for a service
	 * whose ordinary start is too fast to be interrupted: typically the same client
	 * configured against a server that accepts connections and never answers (default:
	 * the factory given to {@link #of(Supplier)}).
	 * @param blockingFactory makes a new instance whose start blocks for longer than
	 * {@link #interruptAfter(Duration) interruptAfter}
	 * @return this checker
	 */
	public ServiceConformance cancelling(Supplier<? extends Service> blockingFactory) {
		this.cancellationFactory = Objects.requireNonNull(blockingFactory, "blockingFactory must not be null");
		return this;
	}

	/**
	 * Sets how long after it began the cancellation check interrupts a start still
	 * running (default 100 ms).
	 * @param interruptAfter the delay
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
	 * @return what was checked, and what could not be exercised (see
	 * {@link Report#notExercised()})
	 * @throws AssertionError listing every check that failed
	 */
	public Report verify() {
		List<String> failures = new ArrayList<>();
		List<String> passed = new ArrayList<>();
		List<String> notExercised = new ArrayList<>();
		Map<String, Check> checks = new LinkedHashMap<>();
		checks.put("start then stop", this::startThenStop);
		checks.put("start after stop", this::startAfterStop);
		checks.put("start twice", this::startTwice);
		checks.put("stop twice", this::stopTwice);
		checks.put("stop without start", this::stopWithoutStart);
		checks.put("cancellation", this::cancellation);
		checks.forEach((name, check) -> {
			try (Harness harness = new Harness()) {
				String notExercisedBecause = check.run(harness);
				if (notExercisedBecause == null) {
					passed.add(name);
				}
				else {
					notExercised.add(name + ": " + notExercisedBecause);
				}
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
		});
		if (!failures.isEmpty()) {
			throw new AssertionError("Service does not conform (" + failures.size() + " of " + checks.size()
					+ " checks failed):\n  - " + String.join("\n  - ", failures));
		}
		return new Report(passed, notExercised);
	}

	private String startThenStop(Harness harness) {
		harness.startAll();
		harness.stopAll();
		return null;
	}

	private String startAfterStop(Harness harness) throws InterruptedException {
		Service service = harness.instance();
		harness.start(service, "the first start");
		harness.stop(service, "the first stop");
		harness.start(service, "a start after a stop");
		harness.stop(service, "the stop after the second start");
		return null;
	}

	private String startTwice(Harness harness) throws InterruptedException {
		Service service = harness.instance();
		harness.start(service, "the first start");
		harness.start(service, "a second start of the started instance");
		harness.stop(service, "the stop after two starts");
		return null;
	}

	private String stopTwice(Harness harness) throws InterruptedException {
		Service service = harness.instance();
		harness.start(service, "the start");
		harness.stop(service, "the first stop");
		harness.stop(service, "a second stop of the stopped instance");
		return null;
	}

	private String stopWithoutStart(Harness harness) throws InterruptedException {
		harness.stop(harness.instance(), "a stop of an instance never started");
		return null;
	}

	/**
	 * Starts an instance, interrupts its start once {@link #interruptAfter} has passed,
	 * and times its return from that interruption.
	 * @return why cancellation was not exercised, or {@code null} when it was
	 */
	private String cancellation(Harness harness) throws InterruptedException {
		Service service = made(this.cancellationFactory);
		Call start = Call.begin(() -> service.start(harness.dependencies));
		long began = System.nanoTime();
		if (start.await(this.interruptAfter)) {
			long tookMillis = (System.nanoTime() - began) / 1_000_000;
			if (start.failure() == null) {
				harness.stop(service, "the stop after the start");
			}
			return "its start returned after about " + tookMillis + " ms, before the interruption at "
					+ this.interruptAfter.toMillis() + " ms: give the check instances whose start blocks "
					+ "(cancelling(...)) to exercise it";
		}
		long interruptedAt = System.nanoTime();
		start.interrupt();
		if (!start.await(this.cancellationBound)) {
			throw new AssertionError("its start was still running " + this.cancellationBound.toMillis()
					+ " ms after it was interrupted (" + this.interruptAfter.toMillis()
					+ " ms after it began): start must honour thread interruption");
		}
		long returnedMillis = (System.nanoTime() - interruptedAt) / 1_000_000;
		if (start.failure() == null) {
			// Returned normally although interrupted: it started, so it is stopped.
			harness.stop(service,
					"the stop after a start that returned normally when interrupted (after " + returnedMillis + " ms)");
		}
		return null;
	}

	private static Service made(Supplier<? extends Service> factory) {
		Service service = factory.get();
		if (service == null) {
			throw new AssertionError("the factory returned null");
		}
		return service;
	}

	@FunctionalInterface
	private interface Check {

		/**
		 * Runs the check, throwing an {@link AssertionError} when it fails.
		 * @return why the check could not be exercised, or {@code null} when it was
		 */
		String run(Harness harness) throws InterruptedException;

	}

	@FunctionalInterface
	private interface Body {

		void run() throws Exception;

	}

	/**
	 * What the result of {@link #verify()} says: the checks that passed, and those that
	 * could not be exercised with the instances given (neither passed nor failed).
	 *
	 * @param passed the names of the checks that passed
	 * @param notExercised for each check not exercised, its name and why
	 */
	public record Report(List<String> passed, List<String> notExercised) {

		/**
		 * Makes a report.
		 * @param passed the names of the checks that passed
		 * @param notExercised the checks not exercised, each with its reason
		 */
		public Report {
			passed = List.copyOf(passed);
			notExercised = List.copyOf(notExercised);
		}

		/**
		 * Tells whether every check was exercised (and, since the report exists, passed).
		 * @return {@code true} when nothing was left unexercised
		 */
		public boolean complete() {
			return this.notExercised.isEmpty();
		}

		@Override
		public String toString() {
			return "passed: " + this.passed
					+ (this.notExercised.isEmpty() ? "" : "; NOT EXERCISED: " + String.join("; ", this.notExercised));
		}

	}

	/**
	 * A call of the service's code on a daemon thread of its own, so that the kit can
	 * interrupt it, time it, and give up on it without blocking.
	 */
	private static final class Call {

		private final Thread thread;

		private final CompletableFuture<Throwable> outcome = new CompletableFuture<>();

		private Call(Body body) {
			this.thread = new Thread(() -> {
				try {
					body.run();
					this.outcome.complete(null);
				}
				catch (Throwable ex) {
					this.outcome.complete(ex);
				}
			}, "service-conformance-call");
			this.thread.setDaemon(true);
		}

		static Call begin(Body body) {
			Call call = new Call(body);
			call.thread.start();
			return call;
		}

		/** Waits for the call to return; {@code false} if it has not within timeout. */
		boolean await(Duration timeout) throws InterruptedException {
			try {
				this.outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
				return true;
			}
			catch (TimeoutException ex) {
				return false;
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** What the call threw, once it returned; {@code null} when it succeeded. */
		Throwable failure() {
			return this.outcome.getNow(null);
		}

		void interrupt() {
			this.thread.interrupt();
		}

	}

	/**
	 * The dependencies of one check, started in a maestro of their own, and the calls of
	 * the instance under test, made as a maestro makes them.
	 */
	private final class Harness implements AutoCloseable {

		private final Maestro maestro = new Maestro();

		private final Dependencies dependencies;

		private Service instance;

		Harness() {
			for (Map.Entry<String, Service> dependency : ServiceConformance.this.dependencies.entrySet()) {
				this.maestro.addService(dependency.getKey(), true, dependency.getValue());
			}
			if (!ServiceConformance.this.dependencies.isEmpty()) {
				expectNoErrors("starting the dependencies", this.maestro.startAll(ServiceConformance.this.callTimeout));
			}
			this.dependencies = new Given(
					Collections.unmodifiableMap(new LinkedHashMap<>(ServiceConformance.this.dependencies)));
		}

		/** Returns the instance under test of this check, made on first use. */
		Service instance() {
			if (this.instance == null) {
				this.instance = made(ServiceConformance.this.factory);
			}
			return this.instance;
		}

		void startAll() {
			ServiceDefinition.Builder definition = ServiceDefinition.builder(SERVICE_NAME, instance())
				.dependsOn(ServiceConformance.this.dependencies.keySet())
				.retries(ServiceConformance.this.retries)
				.initialBackoff(ServiceConformance.this.initialBackoff);
			if (ServiceConformance.this.startTimeout != null) {
				definition.startTimeout(ServiceConformance.this.startTimeout);
			}
			this.maestro.addService(definition.build());
			expectNoErrors("startAll", this.maestro.startAll(ServiceConformance.this.callTimeout));
			expectState("startAll", ServiceState.STARTED);
		}

		void stopAll() {
			expectNoErrors("stopAll", this.maestro.stopAll(ServiceConformance.this.callTimeout));
			expectState("stopAll", ServiceState.STOPPED);
		}

		void start(Service service, String what) throws InterruptedException {
			attempt(what, () -> service.start(this.dependencies), ServiceConformance.this.startTimeout);
		}

		void stop(Service service, String what) throws InterruptedException {
			attempt(what, service::stop, null);
		}

		/**
		 * Calls as a maestro would: up to retries + 1 attempts, each interrupted at
		 * {@code attemptTimeout} when there is one, and all of them within the call
		 * timeout.
		 */
		private void attempt(String what, Body body, Duration attemptTimeout) throws InterruptedException {
			long deadline = System.nanoTime() + ServiceConformance.this.callTimeout.toNanos();
			Throwable failure = null;
			int attempts = ServiceConformance.this.retries + 1;
			for (int attempt = 1; attempt <= attempts; attempt++) {
				if (attempt > 1) {
					TimeUnit.NANOSECONDS.sleep(ServiceConformance.this.initialBackoff.toNanos());
				}
				Call call = Call.begin(body);
				if (attemptTimeout != null && !call.await(attemptTimeout)) {
					call.interrupt();
				}
				if (!call.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
					throw new AssertionError(what + " had not returned "
							+ ServiceConformance.this.callTimeout.toMillis() + " ms after it began");
				}
				failure = call.failure();
				if (failure == null) {
					return;
				}
			}
			AssertionError error = new AssertionError(what + " failed after " + attempts + " attempt(s): " + failure);
			error.initCause(failure);
			throw error;
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

	/** The started dependencies, handed to each direct start. */
	private record Given(Map<String, Service> services) implements Dependencies {

		@Override
		public Set<String> names() {
			return this.services.keySet();
		}

		@Override
		public Service get(String name) {
			Service service = this.services.get(name);
			if (service == null) {
				throw new IllegalArgumentException(
						"'" + name + "' is not a dependency of the service under test; it has " + names());
			}
			return service;
		}

		@Override
		public <T> T get(String name, Class<T> type) {
			Service service = get(name);
			if (!type.isInstance(service)) {
				throw new IllegalArgumentException(
						"Dependency '" + name + "' is a " + service.getClass().getName() + ", not a " + type.getName());
			}
			return type.cast(service);
		}

	}

}
