package dev.bandmaster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Boots and shuts down a set of {@link Service services} as a dependency graph.
 * <p>
 * Services are {@linkplain #addService(ServiceDefinition) registered} with the names of
 * the services they depend on, in any order. {@link #startAll()} first checks the whole
 * graph (every missing dependency and every loop is reported, and then nothing is
 * started), then starts every service not started yet: independent ones in parallel, each
 * as soon as all of its dependencies have started, retrying failures as its
 * {@link RetryPolicy} says. A service whose start finally fails is
 * {@link ServiceState#FAILED}, and every service that depends on it, directly or not, is
 * skipped. {@link #stopAll()} walks the graph the other way.
 * <p>
 * <b>Supervision.</b> Once {@code startAll} has returned, and until {@code stopAll} is
 * called, services are supervised: each one's {@link Service#check() check} runs every
 * {@linkplain ServiceDefinition#checkInterval() check interval}, and
 * {@link #reportFailure(String, Throwable)} reports a failure at once. A started service
 * found failing is marked {@link ServiceState#FAILED} (listeners hear
 * {@link MaestroListener#failed failed}), the services depending on it, directly or not,
 * are stopped in reverse dependency order, then its own {@code stop} is called; with
 * {@link Restart#ON_FAILURE} it is then started again, with its retry policy's backoff,
 * capped, until it starts, and then the dependents stopped. A service (typically an
 * optional one) with {@code ON_FAILURE} whose start failed during {@code startAll} keeps
 * being tried, and its dependents start when it comes up. Failures are handled one after
 * the other, each in its turn among the runs; {@code stopAll} ends supervision before
 * anything else, and the next {@code startAll} resumes it. Supervision holds no thread
 * while idle.
 * <p>
 * <b>Thread-safety.</b> Every method may be called from any thread at any time. Runs
 * ({@code startAll} and {@code stopAll}) are serialized: a call made while another runs
 * waits for it (within its own timeout) and then does its own, idempotent, work; so each
 * {@code start} and {@code stop} of a service runs at most once per transition. No
 * service's code ever runs twice at once: when a run gives up at its deadline on a call
 * that does not return at once (a start or stop slow to honour its interruption), every
 * later run, in either direction, waits for that call to return before it deals with that
 * one service, while the rest of the graph goes on; it then goes by the state the call
 * left. A start that succeeds after its run gave up on it is undone at once with a
 * {@code stop}; should that stop fail, the service is running and shows
 * {@link ServiceState#STARTED}, for {@code stopAll} to stop. Registration may go on
 * during a run; the run works on the services registered when it began. {@code startAll}
 * and {@code stopAll} must not be called from a service's own {@code start} or
 * {@code stop}.
 * <p>
 * <b>Threads.</b> Service code runs on virtual threads on Java 21 and later, and on an
 * unbounded pool on Java 17, made for each run and shut down when it ends; or on the
 * {@link Builder#executor(Executor) executor} given. Waiting for dependencies, backoff
 * delays and timeouts block no thread.
 */
public final class Maestro {

	private static final AtomicReference<Maestro> global = new AtomicReference<>(new Maestro());

	private final Object registry = new Object();

	/** Guarded by {@link #registry}. */
	private final Map<String, Registration> registrations = new LinkedHashMap<>();

	/**
	 * The graph of the current registrations, built on demand; reset by each
	 * registration.
	 */
	private volatile @Nullable ValidatedGraph graph;

	/** Serializes runs, fairly: callers take turns in arrival order. */
	private final ReentrantLock runLock = new ReentrantLock(true);

	private final @Nullable Executor executor;

	private final List<MaestroListener> listenerList;

	private final Listeners listeners;

	private final EngineLog log;

	private final Clock clock;

	private final DoubleSupplier jitterSource;

	/** What happens after the boot: checks, reports and restarts. */
	private final Supervisor supervisor;

	/**
	 * Creates a maestro with no services, its own worker threads, no listener and the
	 * system clock.
	 */
	public Maestro() {
		this(new Builder());
	}

	private Maestro(Builder builder) {
		this.executor = builder.executor;
		this.listenerList = new CopyOnWriteArrayList<>(builder.listeners);
		this.log = new EngineLog(builder.sanitizer);
		this.listeners = new Listeners(this.listenerList, this.log);
		this.clock = builder.clock;
		this.jitterSource = builder.jitterSource;
		this.supervisor = new Supervisor(this, this.listeners, this.clock, this.executor);
	}

	/**
	 * Starts a maestro with options.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the process-wide maestro. Thread-safe.
	 * @return the current global instance
	 */
	public static Maestro global() {
		return global.get();
	}

	/**
	 * Replaces the process-wide maestro, atomically: under any contention each instance
	 * is handed back by exactly one call.
	 * @param replacement the new global instance
	 * @return the previous global instance
	 */
	public static Maestro replaceGlobal(Maestro replacement) {
		Objects.requireNonNull(replacement, "replacement must not be null");
		return global.getAndSet(replacement);
	}

	/**
	 * Adds a listener that sees every transition from now on. Thread-safe.
	 * @param listener the listener
	 */
	public void addListener(MaestroListener listener) {
		this.listenerList.add(Objects.requireNonNull(listener, "listener must not be null"));
	}

	/**
	 * Registers a service with a single start attempt.
	 * @param name its unique name
	 * @param required whether the application needs it
	 * @param service the service
	 * @param dependencies the names of the services it depends on; they may be registered
	 * later
	 * @throws BandmasterException if the name is taken, the service depends on itself or
	 * names a dependency twice
	 */
	public void addService(String name, boolean required, Service service, String... dependencies) {
		addService(ServiceDefinition.builder(name, service).required(required).dependsOn(dependencies).build());
	}

	/**
	 * Registers a service whose failed starts and stops are retried with exponential
	 * backoff (multiplier 2, no cap, no jitter).
	 * @param name its unique name
	 * @param required whether the application needs it
	 * @param retries how many more attempts after a failed one: 0 or more
	 * @param initialBackoff the wait before the first retry
	 * @param service the service
	 * @param dependencies the names of the services it depends on; they may be registered
	 * later
	 * @throws BandmasterException if the name is taken, the service depends on itself or
	 * names a dependency twice
	 * @throws IllegalArgumentException if {@code retries} or {@code initialBackoff} is
	 * negative
	 */
	public void addServiceWithBackoff(String name, boolean required, int retries, Duration initialBackoff,
			Service service, String... dependencies) {
		addService(ServiceDefinition.builder(name, service)
			.required(required)
			.retries(retries)
			.initialBackoff(initialBackoff)
			.dependsOn(dependencies)
			.build());
	}

	/**
	 * Registers a service with everything a definition carries.
	 * @param definition the service's definition
	 * @throws BandmasterException of kind {@link ErrorKind#SERVICE_ALREADY_EXISTS} if the
	 * name is taken
	 */
	public void addService(ServiceDefinition definition) {
		Objects.requireNonNull(definition, "definition must not be null");
		synchronized (this.registry) {
			if (this.registrations.containsKey(definition.name())) {
				throw BandmasterException.alreadyExists(definition.name(), definition.required());
			}
			this.registrations.put(definition.name(), new Registration(definition, this.jitterSource, this.listeners));
			this.graph = null;
		}
	}

	/**
	 * Returns a registered service, whatever its state.
	 * @param name the service's name
	 * @return the service, or {@code null} if none has that name
	 */
	public @Nullable Service service(String name) {
		Registration registration = registration(name);
		return (registration != null) ? registration.definition.service() : null;
	}

	/**
	 * Waits until a service is {@link ServiceState#STARTED} and returns it. A service
	 * that failed or is not started yet is waited for, since a later {@code startAll} may
	 * start it.
	 * @param name the service's name
	 * @param timeout how long to wait at most
	 * @return the started service; {@code null} if none has that name, on timeout, or if
	 * the calling thread is interrupted (its interrupt flag then stays set)
	 */
	public @Nullable Service serviceReady(String name, Duration timeout) {
		Registration registration = registration(name);
		if (registration == null) {
			return null;
		}
		long deadline = Durations.deadlineAfter(timeout);
		while (true) {
			CompletableFuture<Service> ready = registration.ready();
			if (registration.state() == ServiceState.STARTED) {
				return registration.definition.service();
			}
			try {
				ready.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Readiness never completes exceptionally", ex);
			}
		}
	}

	/**
	 * Returns the state of a service.
	 * @param name the service's name
	 * @return its state, or {@code null} if none has that name
	 */
	public @Nullable ServiceState state(String name) {
		Registration registration = registration(name);
		return (registration != null) ? registration.state() : null;
	}

	/**
	 * Returns what is known of one service.
	 * @param name the service's name
	 * @return its snapshot, or {@code null} if none has that name
	 */
	public @Nullable ServiceSnapshot snapshot(String name) {
		Registration registration = registration(name);
		return (registration != null) ? registration.snapshot() : null;
	}

	/**
	 * Returns what is known of every service, in registration order.
	 * @return an unmodifiable list of snapshots
	 */
	public List<ServiceSnapshot> services() {
		List<ServiceSnapshot> snapshots = new ArrayList<>();
		for (Registration registration : registrationsInOrder()) {
			snapshots.add(registration.snapshot());
		}
		return List.copyOf(snapshots);
	}

	/**
	 * Checks the graph without starting anything: every dependency that is not registered
	 * ({@link ErrorKind#DEPENDENCY_MISSING}) and every loop
	 * ({@link ErrorKind#DEPENDENCY_CIRCULAR}). O(services + edges), and cached until the
	 * next registration.
	 * @return the errors; empty when the graph can be started
	 */
	public List<BandmasterException> validate() {
		return graph().problems();
	}

	/**
	 * Starts every service that is not started, waiting as long as it takes.
	 * @return the errors; empty when every service is started
	 * @see #startAll(Duration)
	 */
	public List<BandmasterException> startAll() {
		return run(Direction.START, null, null);
	}

	/**
	 * Starts every service that is not started, blocking until all are resolved or the
	 * deadline passes.
	 * <p>
	 * When the graph is invalid, its errors are returned and nothing is started.
	 * Otherwise every service that did not start is reported:
	 * {@link ErrorKind#SERVICE_START_FAILURE} for its own failure (the cause is the
	 * service's last error), {@link ErrorKind#DEPENDENCY_UNAVAILABLE} for one skipped
	 * because a dependency did not start. When {@code timeout} passes, or the calling
	 * thread is interrupted, attempts in flight are interrupted and every service not
	 * started is reported {@link ErrorKind#SERVICE_START_FAILURE} caused by a
	 * {@link TimeoutException} (or an {@link InterruptedException}, the interrupt flag
	 * staying set). Services that did start stay started, whatever the outcome: call
	 * {@link #stopAll()} to stop them.
	 * @param timeout how long the whole boot may take; zero or negative starts nothing
	 * @return the errors, in registration order; empty when every service is started
	 */
	public List<BandmasterException> startAll(Duration timeout) {
		return run(Direction.START, Objects.requireNonNull(timeout, "timeout must not be null"), null);
	}

	/**
	 * Starts the named services and, first, every service they depend on, directly or
	 * not, blocking until all of those are resolved or the deadline passes; the rest of
	 * the graph is left as it is. This is {@link #startAll(Duration)} on that part of the
	 * graph, with the same validation (a missing dependency or a loop within it is
	 * returned and nothing is started), retries, timeouts, listener calls and reports. A
	 * later {@code startAll} does not start again what this started; {@code stopAll}
	 * stops it with the rest, in reverse dependency order.
	 * <p>
	 * It serves a service that must be up before something outside the graph proceeds,
	 * such as the creation of the beans that need a database.
	 * @param names the names of the services to start; each must be registered
	 * @param timeout how long the whole start may take; zero or negative starts nothing
	 * @return the errors, in registration order; empty when every named service and every
	 * service it depends on is started
	 * @throws IllegalArgumentException if a name is not registered
	 */
	public List<BandmasterException> start(Collection<String> names, Duration timeout) {
		Objects.requireNonNull(names, "names must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		return run(Direction.START, timeout, names);
	}

	/**
	 * Stops every started service, waiting as long as it takes.
	 * @return the errors; empty when every service that was started is stopped
	 * @see #stopAll(Duration)
	 */
	public List<BandmasterException> stopAll() {
		return run(Direction.STOP, null, null);
	}

	/**
	 * Stops every started service in reverse dependency order, blocking until all are
	 * resolved or the deadline passes: a service stops only once every service depending
	 * on it has stopped.
	 * <p>
	 * A service whose stop finally fails is reported
	 * {@link ErrorKind#SERVICE_STOP_FAILURE} and stays {@link ServiceState#STARTED}; the
	 * services it depends on are then not stopped, and are reported
	 * {@link ErrorKind#PARENT_UNAVAILABLE}.
	 * <p>
	 * A service whose start an earlier {@code startAll} gave up on at its deadline, and
	 * is still running, is waited for too: that late start is undone before the services
	 * it depends on stop, so that nothing started is left running when this returns
	 * empty. If it has not returned by the deadline, it is reported
	 * {@link ErrorKind#SERVICE_STOP_FAILURE} and keeps its state.
	 * <p>
	 * The deadline works as for {@link #startAll(Duration)}: zero or negative stops
	 * nothing and reports every started service.
	 * @param timeout how long the whole shutdown may take
	 * @return the errors, in registration order; empty when every service that was
	 * started is stopped
	 */
	public List<BandmasterException> stopAll(Duration timeout) {
		return run(Direction.STOP, Objects.requireNonNull(timeout, "timeout must not be null"), null);
	}

	/**
	 * Tells the maestro that a service has failed, without waiting for its next
	 * {@linkplain Service#check() check}: from a client's connection-lost callback, say.
	 * While the service is supervised (from the return of {@code startAll} until
	 * {@code stopAll} is called) and {@link ServiceState#STARTED}, it is handled as a
	 * failed check: marked {@link ServiceState#FAILED}, its dependents stopped, and so
	 * on, as its {@link Restart} setting says. A report for a service that is not
	 * started, or made outside supervision, is ignored; so is a second report of one
	 * failure. Returns at once: the failure is handled on the maestro's own threads, in
	 * its turn after any run under way. Thread-safe.
	 * @param name the service's name
	 * @param cause why it failed, as listeners will see it
	 * @throws BandmasterException of kind {@link ErrorKind#SERVICE_UNKNOWN} if no service
	 * has that name
	 */
	public void reportFailure(String name, Throwable cause) {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(cause, "cause must not be null");
		Registration registration;
		List<String> known;
		synchronized (this.registry) {
			registration = this.registrations.get(name);
			known = (registration != null) ? List.of() : List.copyOf(this.registrations.keySet());
		}
		if (registration == null) {
			throw BandmasterException.unknown(name, known);
		}
		this.supervisor.report(registration, cause);
	}

	/**
	 * Runs the whole graph, or, given {@code roots}, the part of it they need. A stop
	 * first ends supervision; a start holds it (no supervised restart begins meanwhile)
	 * until it ends, and a {@code startAll} then turns it on (see {@link Supervisor}).
	 */
	private List<BandmasterException> run(Direction direction, @Nullable Duration timeout,
			@Nullable Collection<String> roots) {
		// The part is worked out before the turn is taken, so that an unknown name is
		// refused at once.
		ValidatedGraph part = (roots != null) ? new ValidatedGraph(closure(roots)) : null;
		long deadline = (timeout != null) ? Durations.deadlineAfter(timeout) : 0;
		long epoch = (direction == Direction.STOP) ? this.supervisor.halt() : this.supervisor.runBegins();
		try {
			return runInTurn(direction, timeout, deadline, part);
		}
		finally {
			if (direction == Direction.START) {
				this.supervisor.runEnded(epoch, roots == null);
			}
		}
	}

	private List<BandmasterException> runInTurn(Direction direction, @Nullable Duration timeout, long deadline,
			@Nullable ValidatedGraph part) {
		boolean locked;
		try {
			if (timeout == null) {
				this.runLock.lockInterruptibly();
				locked = true;
			}
			else {
				locked = this.runLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			GraphRun refused = newRun(direction, (part != null) ? part.graph() : graph().graph(), false);
			return refused.refuse(refused.interrupted());
		}
		if (!locked) {
			GraphRun refused = newRun(direction, (part != null) ? part.graph() : graph().graph(), false);
			return refused.refuse(refused.timedOut(timeout));
		}
		try {
			ValidatedGraph graph = (part != null) ? part : graph();
			if (direction == Direction.START && !graph.problems().isEmpty()) {
				return graph.problems();
			}
			return execute(direction, newRun(direction, graph.graph(), false), graph.size(), timeout, deadline);
		}
		finally {
			this.runLock.unlock();
		}
	}

	/**
	 * Executes a run while holding the turn: the listeners hear its bounds, the log its
	 * outcome.
	 */
	List<BandmasterException> execute(Direction direction, GraphRun run, int services, @Nullable Duration timeout,
			long deadline) {
		assert this.runLock.isHeldByCurrentThread();
		long began = System.nanoTime();
		this.listeners.runStarting(direction.active, services);
		List<BandmasterException> errors = run.execute(timeout, deadline);
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		logOutcome(direction, services, errors, took);
		this.listeners.runFinished(direction.active, took, errors);
		return errors;
	}

	/** The lock that gives runs their turns, for the supervisor's own runs. */
	ReentrantLock runLock() {
		return this.runLock;
	}

	/**
	 * The graph of every registered service, or {@code null} when it has a missing
	 * dependency or a loop.
	 */
	@Nullable ServiceGraph validGraph() {
		ValidatedGraph current = graph();
		return current.problems().isEmpty() ? current.graph() : null;
	}

	/**
	 * Returns the graph of the named services and of every registered service they depend
	 * on, directly or not, in registration order; a dependency that is not registered
	 * stays {@linkplain ServiceGraph#missing() missing}.
	 */
	private ServiceGraph closure(Collection<String> roots) {
		synchronized (this.registry) {
			Set<String> unknown = new LinkedHashSet<>(roots);
			unknown.removeAll(this.registrations.keySet());
			if (!unknown.isEmpty()) {
				throw new IllegalArgumentException(
						"No service is registered under " + unknown + "; registered: " + this.registrations.keySet());
			}
			Set<String> reached = new HashSet<>();
			Deque<String> toVisit = new ArrayDeque<>(roots);
			while (!toVisit.isEmpty()) {
				String name = toVisit.pop();
				Registration registration = this.registrations.get(name);
				if (registration != null && reached.add(name)) {
					toVisit.addAll(registration.definition.dependencies());
				}
			}
			List<Registration> part = new ArrayList<>(reached.size());
			for (Registration registration : this.registrations.values()) {
				if (reached.contains(registration.name())) {
					part.add(registration);
				}
			}
			return ServiceGraph.of(part);
		}
	}

	GraphRun newRun(Direction direction, ServiceGraph graph, boolean singleAttempt) {
		return new GraphRun(direction, graph, this.executor, this.listeners, this.clock, singleAttempt);
	}

	private void logOutcome(Direction direction, int services, List<BandmasterException> errors, Duration took) {
		if (errors.isEmpty()) {
			this.log.debug("{} of {} services done in {} ms", direction.verb(), services, took.toMillis());
		}
		else {
			this.log.info("{} of {} services done in {} ms; {} could not {}", direction.verb(), services,
					took.toMillis(), errors.size(), direction.verb());
		}
	}

	private ValidatedGraph graph() {
		ValidatedGraph current = this.graph;
		if (current != null) {
			return current;
		}
		synchronized (this.registry) {
			if (this.graph == null) {
				this.graph = new ValidatedGraph(ServiceGraph.of(this.registrations.values()));
			}
			return this.graph;
		}
	}

	private @Nullable Registration registration(String name) {
		synchronized (this.registry) {
			return this.registrations.get(name);
		}
	}

	private List<Registration> registrationsInOrder() {
		synchronized (this.registry) {
			return new ArrayList<>(this.registrations.values());
		}
	}

	@Override
	public String toString() {
		return "Maestro" + registrationsInOrder().stream().map(Registration::name).toList();
	}

	/**
	 * A graph and its validation, computed once.
	 */
	private static final class ValidatedGraph {

		private final ServiceGraph graph;

		private volatile @Nullable List<BandmasterException> problems;

		ValidatedGraph(ServiceGraph graph) {
			this.graph = graph;
		}

		ServiceGraph graph() {
			return this.graph;
		}

		int size() {
			return this.graph.size();
		}

		List<BandmasterException> problems() {
			List<BandmasterException> result = this.problems;
			if (result == null) {
				List<BandmasterException> found = new ArrayList<>(this.graph.missing());
				found.addAll(CycleDetector.cycles(this.graph));
				result = List.copyOf(found);
				this.problems = result;
			}
			return result;
		}

	}

	/**
	 * Configures a {@link Maestro}. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable Executor executor;

		private final List<MaestroListener> listeners = new ArrayList<>();

		private Clock clock = Clock.systemUTC();

		private UnaryOperator<String> sanitizer = Credentials::mask;

		private DoubleSupplier jitterSource = () -> ThreadLocalRandom.current().nextDouble();

		private Builder() {
		}

		/**
		 * Adds what every line the maestro logs goes through before it is written (the
		 * messages of the throwables logged with it included), to keep secrets that
		 * services' error messages carry out of the logs. Passwords are masked first,
		 * whatever the sanitizer, by {@link Credentials#mask(String)} (in URLs and
		 * {@code password=} parameters); the sanitizer then takes out what else the
		 * application knows to be secret. It must be thread-safe and quick; when it
		 * throws or returns {@code null}, the masked line is written. Listeners get the
		 * services' errors as they are; the messages of the errors {@code startAll} and
		 * {@code stopAll} return are masked, their causes untouched.
		 * @param sanitizer the masked line in, the line to write out
		 * @return this builder
		 */
		public Builder sanitizer(UnaryOperator<String> sanitizer) {
			Objects.requireNonNull(sanitizer, "sanitizer must not be null");
			this.sanitizer = (line) -> {
				String masked = Credentials.mask(line);
				String sanitized = sanitizer.apply(masked);
				return (sanitized != null) ? sanitized : masked;
			};
			return this;
		}

		/**
		 * Runs service code on this executor instead of the maestro's own threads. It
		 * must not cap the graph's parallelism below the number of services that may
		 * block at once; the maestro never shuts it down.
		 * @param executor the executor
		 * @return this builder
		 */
		public Builder executor(Executor executor) {
			this.executor = Objects.requireNonNull(executor, "executor must not be null");
			return this;
		}

		/**
		 * Adds a listener.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MaestroListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
			return this;
		}

		/**
		 * Sets the clock that dates each start in {@link ServiceSnapshot#startedAt()}.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Sets where the random fraction of each retry's jitter comes from (default:
		 * {@link ThreadLocalRandom}). Package-private: a seam for the engine's tests,
		 * which pin the jitter to check the waits it gives; not an option for
		 * applications.
		 * @param jitterSource returns a number in {@code [0, 1)} on each call, from any
		 * thread
		 * @return this builder
		 */
		Builder jitterSource(DoubleSupplier jitterSource) {
			this.jitterSource = Objects.requireNonNull(jitterSource, "jitterSource must not be null");
			return this;
		}

		/**
		 * Builds the maestro.
		 * @return a new maestro with no services
		 */
		public Maestro build() {
			return new Maestro(this);
		}

	}

}
