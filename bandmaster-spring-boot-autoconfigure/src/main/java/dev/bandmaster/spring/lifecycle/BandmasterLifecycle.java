package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.BootCompletedEvent;
import dev.bandmaster.spring.diagnostics.ServiceError;
import dev.bandmaster.spring.diagnostics.ServiceStartFailureAnalyzer;

/**
 * Boots the band services when the application context starts and stops them, in reverse
 * dependency order, when it closes. On its first start it registers every band service
 * with the {@link Maestro} and checks the graph; then, in
 * {@link BandmasterSettings.Mode#BLOCKING blocking} mode, it waits for the boot and fails
 * the context's startup with a {@link BandmasterStartupException} when a required service
 * did not start (after stopping those that did); in
 * {@link BandmasterSettings.Mode#BACKGROUND background} mode it boots them on a thread of
 * its own and returns at once.
 * <p>
 * It runs in {@link #PHASE}, below the web server's lifecycles: the services are up
 * before the server accepts requests, and stopped only after a graceful shutdown drained
 * it.
 * <p>
 * A service that holds beans is started earlier, by {@link #startAhead(String, List)},
 * when the first bean it holds is about to be created; the context's start then leaves it
 * as it is. The events of such a start are published when the context starts, before
 * those of the rest of the boot. Should the context fail before it starts, what was
 * started ahead is stopped when this bean is destroyed.
 * <p>
 * Thread-safe: {@link #start()}, {@link #startAhead(String, List)}, {@link #stop()} and
 * {@link #destroy()} are serialized.
 */
public final class BandmasterLifecycle implements SmartLifecycle, DisposableBean {

	/**
	 * The phase of this lifecycle: well below the web server's start and stop
	 * ({@code WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE},
	 * {@code DEFAULT_PHASE - 2048}) and graceful shutdown ({@code DEFAULT_PHASE - 1024})
	 * phases. Those constants are not referenced here since an application without a web
	 * server does not have them.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(BandmasterLifecycle.class);

	private static final Duration LONGEST_JOIN = Duration.ofMillis(Long.MAX_VALUE);

	private final Object monitor = new Object();

	private final Maestro maestro;

	private final BandServiceCollector collector;

	private final BandmasterSettings settings;

	private final ApplicationEventPublisher publisher;

	private final DeferredEventPublisher events;

	private volatile boolean running;

	/** Guarded by {@link #monitor}: whether every band service is registered. */
	private boolean registered;

	/** Guarded by {@link #monitor}: the names of the band services registered so far. */
	private final Set<String> registeredNames = new HashSet<>();

	/**
	 * The {@link System#nanoTime()} when the first start ahead of the context's began, or
	 * {@code null} if none did; written under {@link #monitor}, read without it by the
	 * background boot, which {@link #stop()} may be waiting for under it.
	 */
	private volatile @Nullable Long aheadSince;

	/**
	 * Guarded by {@link #monitor}: whether services may be running that no stop has
	 * stopped since.
	 */
	private boolean servicesMayRun;

	/**
	 * Guarded by {@link #monitor}: the band services the bean definitions declare, read
	 * by the first start ahead and kept for the next ones. Holds start while singletons
	 * are created, once the bean factory's configuration is frozen, so the definitions no
	 * longer change.
	 */
	private BandServiceCollector.@Nullable Declarations declarations;

	/** Guarded by {@link #monitor}. */
	private @Nullable Thread backgroundBoot;

	/**
	 * Creates a lifecycle and attaches its listeners to the maestro: one that publishes
	 * the {@link dev.bandmaster.spring.BandmasterEvent events} in the application
	 * context, one that records each start as a step of the bean factory's
	 * {@link org.springframework.core.metrics.ApplicationStartup}, then the given ones.
	 * @param maestro the maestro that runs the band services
	 * @param beanFactory the bean factory the band services are found in
	 * @param settings the settings, from the configuration
	 * @param publisher where the events are published
	 * @param listeners other listeners of the maestro, such as metrics
	 */
	public BandmasterLifecycle(Maestro maestro, ConfigurableListableBeanFactory beanFactory,
			BandmasterSettings settings, ApplicationEventPublisher publisher, List<MaestroListener> listeners) {
		this.maestro = maestro;
		this.collector = new BandServiceCollector(beanFactory, settings);
		this.settings = settings;
		this.publisher = publisher;
		this.events = new DeferredEventPublisher(publisher);
		maestro.addListener(new EventPublishingMaestroListener(maestro, this.events));
		maestro.addListener(new StartupStepMaestroListener(beanFactory.getApplicationStartup()));
		listeners.forEach(maestro::addListener);
	}

	/**
	 * Registers the band services on the first call, checks the graph, and boots them.
	 * @throws BandmasterConfigurationException if a band service is misconfigured;
	 * nothing is started
	 * @throws BandmasterStartupException if the graph is invalid (nothing is started) or,
	 * in blocking mode, a required service did not start (every service that did is
	 * stopped again)
	 */
	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.events.release();
			if (!this.registered) {
				register(this.collector.collect());
				this.registered = true;
			}
			List<BandmasterException> problems = this.maestro.validate();
			if (!problems.isEmpty()) {
				throw BandmasterStartupException.invalidGraph(problems,
						this.maestro.services().stream().map(ServiceSnapshot::name).toList());
			}
			this.servicesMayRun = true;
			if (this.settings.mode() == BandmasterSettings.Mode.BACKGROUND) {
				this.running = true;
				Thread thread = new Thread(this::bootInBackground, "bandmaster-boot");
				thread.setDaemon(true);
				this.backgroundBoot = thread;
				thread.start();
				return;
			}
			List<BandmasterException> failures;
			try {
				failures = boot();
			}
			catch (RuntimeException | Error ex) {
				// A listener of the boot's completion failed the startup: what started
				// is stopped, as after a failed boot, since the context will not stop
				// a lifecycle that did not start.
				stopServices(this.settings.shutdownTimeout());
				throw ex;
			}
			if (anyRequired(failures)) {
				// Said at once: the stop below may wait for starts that ignored their
				// interruption, and the failure report comes only after it.
				logger.error(ServiceError
					.mask("Required band services did not start: " + failures.stream()
						.filter(BandmasterException::required)
						.map(BandmasterException::getMessage)
						.collect(Collectors.joining("; "))) + ". Stopping the services that started, waiting up to "
						+ ConfiguredValues.asWritten(this.settings.shutdownTimeout())
						+ " (bandmaster.shutdown.timeout) for any start still running past its deadline.");
				stopServices(this.settings.shutdownTimeout());
				throw new BandmasterStartupException(failures);
			}
			this.running = true;
		}
	}

	/**
	 * Starts a band service that holds beans, and every service it depends on, before the
	 * first of those beans is created; does nothing if it is started already. Waits up to
	 * {@code bandmaster.startup.timeout}, on the calling thread, whatever the startup
	 * mode: the held beans cannot exist without it.
	 * @param serviceName the name of the service
	 * @param heldBeans the names of the beans it holds, for the log and the failure
	 * report
	 * @throws BandmasterConfigurationException if a band service is misconfigured;
	 * nothing is started
	 * @throws BandmasterStartupException if the service did not start, or the part of the
	 * graph it needs is invalid; what did start stays started until the context stops or
	 * this bean is destroyed
	 */
	public void startAhead(String serviceName, List<String> heldBeans) {
		synchronized (this.monitor) {
			if (this.maestro.state(serviceName) == ServiceState.STARTED) {
				return;
			}
			if (this.declarations == null) {
				this.declarations = this.collector.declarations();
			}
			register(this.collector.collect(List.of(serviceName), this.declarations));
			long began = System.nanoTime();
			if (this.aheadSince == null) {
				this.aheadSince = began;
			}
			this.servicesMayRun = true;
			List<BandmasterException> failures = this.maestro.start(List.of(serviceName),
					this.settings.startupTimeout());
			Duration took = Duration.ofNanos(System.nanoTime() - began);
			if (this.maestro.state(serviceName) != ServiceState.STARTED) {
				BandmasterStartupException failure = new BandmasterStartupException(failures, heldBeans);
				logger.error("Band service '" + serviceName + "' did not start in " + took.toMillis()
						+ " ms, so the beans it holds cannot be created: " + heldBeans);
				throw failure;
			}
			if (logger.isInfoEnabled()) {
				ServiceSnapshot snapshot = this.maestro.snapshot(serviceName);
				int attempts = (snapshot != null) ? snapshot.attempts() : 1;
				logger.info("Band service '" + serviceName + "' started in " + took.toMillis() + " ms (" + attempts
						+ ((attempts == 1) ? " attempt" : " attempts") + "), before the beans it holds: " + heldBeans);
			}
		}
	}

	private void register(List<ServiceDefinition> definitions) {
		for (ServiceDefinition definition : definitions) {
			if (this.registeredNames.add(definition.name())) {
				this.maestro.addService(definition);
			}
		}
	}

	private void bootInBackground() {
		List<BandmasterException> failures;
		try {
			failures = boot();
		}
		catch (RuntimeException ex) {
			// Nothing else runs on this thread to hear of it: a listener of the boot's
			// completion failed, or the context closed under the boot.
			if (Thread.currentThread().isInterrupted()) {
				logger.debug("Band services boot completion not published: the application is shutting down", ex);
			}
			else {
				logger.error("A listener of the band services boot's completion failed", ex);
			}
			return;
		}
		if (Thread.currentThread().isInterrupted()) {
			// The context is closing: what did not start was cancelled, not broken.
			logger.info("Band services boot interrupted by the application's shutdown");
			return;
		}
		if (anyRequired(failures)) {
			// The same analysis as a blocking boot's failure report: an application that
			// keeps running prints no such report.
			FailureAnalysis analysis = new ServiceStartFailureAnalyzer()
				.analyze(new BandmasterStartupException(failures));
			if (analysis != null) {
				logger.error("Required band services did not start; the application stays not ready.\n\n"
						+ analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction());
			}
		}
	}

	private List<BandmasterException> boot() {
		long began = System.nanoTime();
		List<BandmasterException> failures = this.maestro.startAll(this.settings.startupTimeout());
		// A boot that began ahead, with the creation of held beans, is timed from then,
		// as its timeline is.
		Long aheadSince = this.aheadSince;
		Duration took = Duration.ofNanos(System.nanoTime() - ((aheadSince != null) ? aheadSince : began));
		List<ServiceSnapshot> services = this.maestro.services();
		// An application without band services gets no report: it would only be noise.
		if (!services.isEmpty() && logger.isInfoEnabled()) {
			logger.info(BootReport.render(BootTimeline.of(services), took));
		}
		// A boot the application's shutdown cut short did not complete, and its
		// cancellations are no verdict on the services: a listener that exits on a
		// failed boot must not hear of it.
		if (!Thread.currentThread().isInterrupted()) {
			this.publisher.publishEvent(new BootCompletedEvent(this.maestro, took, failures));
		}
		return failures;
	}

	private static boolean anyRequired(List<BandmasterException> failures) {
		return failures.stream().anyMatch(BandmasterException::required);
	}

	/**
	 * Stops every band service that is started, in reverse dependency order, within
	 * {@code bandmaster.shutdown.timeout}; a boot still running in the background is
	 * interrupted first, and waited for within the same timeout.
	 */
	@Override
	public void stop() {
		synchronized (this.monitor) {
			Duration timeout = this.settings.shutdownTimeout();
			long began = System.nanoTime();
			Thread boot = this.backgroundBoot;
			this.backgroundBoot = null;
			// On the boot thread itself (a listener of the boot's completion closing the
			// context), the boot is over: interrupting it would only refuse the stop.
			if (boot != null && boot != Thread.currentThread()) {
				boot.interrupt();
				joinQuietly(boot, timeout);
			}
			Duration remaining = timeout.minusNanos(System.nanoTime() - began);
			stopServices(remaining.isNegative() ? Duration.ZERO : remaining);
			this.running = false;
		}
	}

	private static void joinQuietly(Thread boot, Duration timeout) {
		try {
			// Saturated: a timeout too long to count in milliseconds waits as long as
			// it takes.
			boot.join(Math.max(1, timeout.compareTo(LONGEST_JOIN) < 0 ? timeout.toMillis() : Long.MAX_VALUE));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops what a context that failed before it started had started ahead, within
	 * {@code bandmaster.shutdown.timeout}; does nothing after {@link #stop()}.
	 */
	@Override
	public void destroy() {
		synchronized (this.monitor) {
			if (this.servicesMayRun) {
				stopServices(this.settings.shutdownTimeout());
			}
		}
	}

	private void stopServices(Duration timeout) {
		this.servicesMayRun = false;
		long started = this.maestro.services()
			.stream()
			.filter((service) -> service.state() == ServiceState.STARTED)
			.count();
		long began = System.nanoTime();
		List<BandmasterException> failures = this.maestro.stopAll(timeout);
		long took = Duration.ofNanos(System.nanoTime() - began).toMillis();
		// Read after the stop, which cancels a restart under way: the services that did
		// not start, or that supervision found failing, were not running, rather than
		// stopped.
		List<String> failed = this.maestro.services()
			.stream()
			.filter((service) -> service.state() == ServiceState.FAILED)
			.map(ServiceSnapshot::name)
			.toList();
		if (!failures.isEmpty()) {
			logger.warn(ServiceError
				.mask(failures.stream()
					.map(BandmasterException::getMessage)
					.collect(Collectors.joining("; ", "Band services did not stop: ", ""))) + " (after " + took
					+ " ms)");
		}
		else if (started > 0 || !failed.isEmpty()) {
			logger.info("Band services stopped: " + started + " in " + took + " ms"
					+ (failed.isEmpty() ? "" : "; failed, so not running: " + failed));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
