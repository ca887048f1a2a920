package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls every registered {@link MaestroListener} in turn; one that throws is logged and
 * does not stop the others nor the run. Commits the JDK Flight Recorder events of each
 * start and stop (see {@link FlightRecorderEvents}) whatever listeners are registered.
 * Also carries the maestro's {@link EngineLog}, so that a run reaches the listeners and
 * the log through one object.
 */
final class Listeners implements MaestroListener {

	private final List<MaestroListener> listeners;

	private final EngineLog log;

	/**
	 * Told first, so that a JDK Flight Recorder event's duration leaves out the others.
	 */
	private final FlightRecorderEvents flightRecorder = new FlightRecorderEvents();

	/**
	 * Creates a fan-out over a live list.
	 * @param listeners the listeners, read at each call: a thread-safe list, such as a
	 * copy-on-write one
	 * @param log the maestro's log, where a failing listener is reported and which a run
	 * logs to
	 */
	Listeners(List<MaestroListener> listeners, EngineLog log) {
		this.listeners = listeners;
		this.log = log;
	}

	/** The maestro's log, sanitizing every line. */
	EngineLog log() {
		return this.log;
	}

	@Override
	public void runStarting(ServiceState transition, int services) {
		each((listener) -> listener.runStarting(transition, services));
	}

	@Override
	public void runFinished(ServiceState transition, Duration duration, List<BandmasterException> errors) {
		each((listener) -> listener.runFinished(transition, duration, errors));
	}

	@Override
	public void starting(String serviceName) {
		this.flightRecorder.starting(serviceName);
		each((listener) -> listener.starting(serviceName));
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		this.flightRecorder.started(serviceName, duration, attempts);
		each((listener) -> listener.started(serviceName, duration, attempts));
	}

	@Override
	public void attemptStarting(String serviceName, ServiceState transition, int attempt) {
		this.flightRecorder.attemptStarting(serviceName, transition, attempt);
		each((listener) -> listener.attemptStarting(serviceName, transition, attempt));
	}

	@Override
	public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
			Throwable error) {
		each((listener) -> listener.retryScheduled(serviceName, transition, attempt, delay, error));
	}

	@Override
	public void startFailed(BandmasterException failure) {
		this.flightRecorder.startFailed(failure);
		each((listener) -> listener.startFailed(failure));
	}

	@Override
	public void failed(String serviceName, Throwable cause) {
		each((listener) -> listener.failed(serviceName, cause));
	}

	@Override
	public void stopping(String serviceName) {
		this.flightRecorder.stopping(serviceName);
		each((listener) -> listener.stopping(serviceName));
	}

	@Override
	public void stopped(String serviceName, Duration duration) {
		this.flightRecorder.stopped(serviceName, duration);
		each((listener) -> listener.stopped(serviceName, duration));
	}

	@Override
	public void stopFailed(BandmasterException failure) {
		this.flightRecorder.stopFailed(failure);
		each((listener) -> listener.stopFailed(failure));
	}

	private void each(Consumer<MaestroListener> call) {
		for (MaestroListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				this.log.warn("Listener {} failed; ignoring it", listener, ex);
			}
		}
	}

}
