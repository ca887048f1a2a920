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
			List<BandmasterException> failures = boot();
			if (anyRequired(failures)) {
				stopServices();
				throw new BandmasterStartupException(failures);
			}
			this.running = true;
		}
	}

	private void bootInBackground() {
		List<BandmasterException> failures = boot();
		if (Thread.currentThread().isInterrupted()) {
			// The context is closing: what did not start was cancelled, not broken.
			logger.info("Band services boot interrupted by the application's shutdown");
			return;
		}
		if (anyRequired(failures)) {
			// The same analysis as a blocking boot's failure report, since no such report
			// is
			// printed for an application that keeps running.
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
		this.publisher.publishEvent(new BootCompletedEvent(this.maestro, took, failures));
		return failures;
	}

	private static boolean anyRequired(List<BandmasterException> failures) {
		return failures.stream().anyMatch(BandmasterException::required);
	}

	/**
	 * Stops every band service that is started, in reverse dependency order; a boot still
	 * running in the background is interrupted first.
	 */
	@Override
	public void stop() {
		synchronized (this.monitor) {
			Thread boot = this.backgroundBoot;
			if (boot != null) {
				boot.interrupt();
				joinQuietly(boot);
				this.backgroundBoot = null;
			}
			stopServices();
			this.running = false;
		}
	}

	private void joinQuietly(Thread boot) {
		try {
			boot.join(this.properties.getShutdown().getTimeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void stopServices() {
		List<BandmasterException> failures = this.maestro.stopAll(this.properties.getShutdown().getTimeout());
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
