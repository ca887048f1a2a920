package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.BootCompletedEvent;

/**
 * Boots the band services when the application context starts and stops them, in reverse
 * dependency order, when it closes. On its first start it registers every band service
 * with the {@link Maestro} and checks the graph; then, in
 * {@link BandmasterProperties.Mode#BLOCKING blocking} mode, it waits for the boot and
 * fails the context's startup with a {@link BandmasterStartupException} when a required
 * service did not start (after stopping those that did); in
 * {@link BandmasterProperties.Mode#BACKGROUND background} mode it boots them on a thread
 * of its own and returns at once.
 * <p>
 * It runs in {@link #PHASE}, below the web server's lifecycles: the services are up
 * before the server accepts requests, and stopped only after a graceful shutdown drained
 * it.
 * <p>
 * Thread-safe: {@link #start()} and {@link #stop()} are serialized.
 */
public final class BandmasterLifecycle implements SmartLifecycle {

	/**
	 * The phase of this lifecycle: well below the web server's start and stop
	 * ({@code WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE},
	 * {@code DEFAULT_PHASE - 2048}) and graceful shutdown ({@code DEFAULT_PHASE - 1024})
	 * phases. Those constants are not referenced here since an application without a web
	 * server does not have them.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(BandmasterLifecycle.class);

	private final Object monitor = new Object();

	private final Maestro maestro;

	private final BandServiceCollector collector;

	private final BandmasterProperties properties;

	private final ApplicationEventPublisher publisher;

	private volatile boolean running;

	/** Guarded by {@link #monitor}. */
	private boolean registered;

	/** Guarded by {@link #monitor}. */
	private @Nullable Thread backgroundBoot;

	/**
	 * Creates a lifecycle and attaches its listeners to the maestro: one that publishes
	 * the {@link dev.bandmaster.spring.BandmasterEvent events} in the application
	 * context, one that records each start as a step of the bean factory's
	 * {@link org.springframework.core.metrics.ApplicationStartup}, then the given ones.
	 * @param maestro the maestro that runs the band services
	 * @param beanFactory the bean factory the band services are found in
	 * @param properties the configuration
	 * @param publisher where the events are published
	 * @param listeners other listeners of the maestro, such as metrics
	 */
	public BandmasterLifecycle(Maestro maestro, ConfigurableListableBeanFactory beanFactory,
			BandmasterProperties properties, ApplicationEventPublisher publisher, List<MaestroListener> listeners) {
		this.maestro = maestro;
		this.collector = new BandServiceCollector(beanFactory, properties);
		this.properties = properties;
		this.publisher = publisher;
		maestro.addListener(new EventPublishingMaestroListener(maestro, publisher));
		maestro.addListener(new StartupStepMaestroListener(beanFactory.getApplicationStartup()));
		listeners.forEach(maestro::addListener);
	}

	/**
	 * Registers the band services on the first call, checks the graph, and boots them.
	 * @throws BandmasterConfigurationException if a band service or a timeout is
	 * misconfigured; nothing is started
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
			ConfiguredValues.requirePositive("bandmaster.startup.timeout", this.properties.getStartup().getTimeout());
			ConfiguredValues.requirePositive("bandmaster.shutdown.timeout", this.properties.getShutdown().getTimeout());
			if (!this.registered) {
				this.collector.collect().forEach(this.maestro::addService);
				this.registered = true;
			}
			List<BandmasterException> problems = this.maestro.validate();
			if (!problems.isEmpty()) {
				throw new BandmasterStartupException(problems);
			}
			if (this.properties.getStartup().getMode() == BandmasterProperties.Mode.BACKGROUND) {
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
				stopServices(this.properties.getShutdown().getTimeout());
				throw ex;
			}
			if (anyRequired(failures)) {
				stopServices(this.properties.getShutdown().getTimeout());
				throw new BandmasterStartupException(failures);
			}
			this.running = true;
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
		List<BandmasterException> failures = this.maestro.startAll(this.properties.getStartup().getTimeout());
		Duration took = Duration.ofNanos(System.nanoTime() - began);
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
			Duration timeout = this.properties.getShutdown().getTimeout();
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
			boot.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void stopServices(Duration timeout) {
		List<BandmasterException> failures = this.maestro.stopAll(timeout);
		if (!failures.isEmpty() && logger.isWarnEnabled()) {
			logger.warn(ServiceError.mask(failures.stream()
				.map(BandmasterException::getMessage)
				.collect(Collectors.joining("; ", "Band services did not stop: ", ""))));
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
