package dev.bandmaster.spring.metrics;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;

/**
 * Records the band services' metrics as they boot and stop:
 * <ul>
 * <li>timer {@code bandmaster.service.start}, tags {@code service} and {@code outcome}
 * ({@code success} or {@code failure}): from a start's first attempt to its success or
 * final failure;</li>
 * <li>counter {@code bandmaster.service.retries}, tag {@code service}: start attempts
 * that failed and were retried;</li>
 * <li>timer {@code bandmaster.service.stop}, tag {@code service}: successful stops;</li>
 * <li>counter {@code bandmaster.service.failures}, tag {@code service}: the times a
 * started service was found failing after the boot, by its check or a report (its
 * restarts are timed by {@code bandmaster.service.start}, as any start);</li>
 * <li>gauge {@code bandmaster.service.state}, tag {@code service}: the service's state as
 * a number, see {@link #stateValue(ServiceState)}.</li>
 * </ul>
 * Where the band services are observed ({@code bandmaster.observations.enabled}, with an
 * {@code ObservationRegistry}), the two timers come from the observations of the same
 * names instead, and these metrics leave them out, so that nothing is counted twice.
 * Thread-safe: Micrometer's registry is.
 */
public class BandmasterMetrics implements MaestroListener {

	private final Maestro maestro;

	private final MeterRegistry registry;

	/** The services whose state gauge is registered: each is registered once. */
	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	private volatile boolean timed = true;

	/**
	 * Creates the metrics, the timers included.
	 * @param maestro the maestro whose services' states are gauged
	 * @param registry the registry to record in
	 */
	public BandmasterMetrics(Maestro maestro, MeterRegistry registry) {
		this.maestro = maestro;
		this.registry = registry;
	}

	/**
	 * Sets whether to record the {@code bandmaster.service.start} and
	 * {@code bandmaster.service.stop} timers, before the maestro runs.
	 * @param timed {@code true} by default; {@code false} where observations of those
	 * names record them
	 */
	public void setTimed(boolean timed) {
		this.timed = timed;
	}

	/**
	 * Returns the value of the {@code bandmaster.service.state} gauge for a state.
	 * @param state the state
	 * @return 0 stopped, 1 starting, 2 started, 3 stopping, -1 failed
	 */
	public static double stateValue(ServiceState state) {
		return switch (state) {
			case STOPPED -> 0;
			case STARTING -> 1;
			case STARTED -> 2;
			case STOPPING -> 3;
			case FAILED -> -1;
		};
	}

	@Override
	public void starting(String serviceName) {
		gauge(serviceName);
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		if (!this.timed) {
			return;
		}
		startTimer(serviceName, "success").record(duration);
	}

	@Override
	public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
			Throwable error) {
		if (transition == ServiceState.STARTING) {
			this.registry.counter("bandmaster.service.retries", Tags.of("service", serviceName)).increment();
		}
	}

	@Override
	public void startFailed(BandmasterException failure) {
		String name = failure.serviceName();
		gauge(name);
		ServiceSnapshot snapshot = this.maestro.snapshot(name);
		// A service skipped because a dependency is unavailable was never tried: there is
		// nothing to time.
		if (this.timed && failure.attempts() > 0 && snapshot != null && snapshot.startDuration() != null) {
			startTimer(name, "failure").record(snapshot.startDuration());
		}
	}

	@Override
	public void failed(String serviceName, Throwable cause) {
		Counter.builder("bandmaster.service.failures")
			.description("Times a started band service was found failing after the boot")
			.tag("service", serviceName)
			.register(this.registry)
			.increment();
	}

	@Override
	public void stopped(String serviceName, Duration duration) {
		if (!this.timed) {
			return;
		}
		Timer.builder("bandmaster.service.stop")
			.description("Time taken to stop a band service")
			.tag("service", serviceName)
			.register(this.registry)
			.record(duration);
	}

	private Timer startTimer(String serviceName, String outcome) {
		return Timer.builder("bandmaster.service.start")
			.description("Time taken to start a band service, retries included")
			.tags("service", serviceName, "outcome", outcome)
			.register(this.registry);
	}

	private void gauge(String serviceName) {
		if (!this.gauged.add(serviceName)) {
			return;
		}
		Gauge.builder("bandmaster.service.state", this.maestro, (maestro) -> {
			ServiceState state = maestro.state(serviceName);
			return (state != null) ? stateValue(state) : -1;
		})
			.description("State of a band service: 0 stopped, 1 starting, 2 started, 3 stopping, -1 failed")
			.tag("service", serviceName)
			.strongReference(true)
			.register(this.registry);
	}

}
