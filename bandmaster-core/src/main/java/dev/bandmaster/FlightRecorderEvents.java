package dev.bandmaster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Commits a {@link ServiceStartEvent} per service start and a {@link ServiceStopEvent}
 * per stop to the JDK Flight Recorder. An event is created when its transition begins
 * only if a recording has it enabled; otherwise nothing is kept and the later callbacks
 * find nothing to end, so that without a recording the cost is an allocation the JIT
 * removes and a look-up in an empty map. Thread-safe: the open events are held in
 * concurrent maps, by service name, and each event is touched by the callbacks of its one
 * service, which the engine delivers in order (each after the previous one has returned,
 * with a happens-before edge between them).
 */
final class FlightRecorderEvents implements MaestroListener {

	private final Map<String, ServiceStartEvent> starts = new ConcurrentHashMap<>();

	private final Map<String, ServiceStopEvent> stops = new ConcurrentHashMap<>();

	@Override
	public void starting(String serviceName) {
		begin(serviceName, ServiceStartEvent::new, this.starts);
	}

	@Override
	public void stopping(String serviceName) {
		begin(serviceName, ServiceStopEvent::new, this.stops);
	}

	@Override
	public void attemptStarting(String serviceName, ServiceState transition, int attempt) {
		ServiceTransitionEvent event = ((transition == ServiceState.STARTING) ? this.starts : this.stops)
			.get(serviceName);
		if (event != null) {
			event.attempts = attempt;
		}
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		end(this.starts.remove(serviceName), ServiceTransitionEvent.SUCCESS);
	}

	@Override
	public void startFailed(BandmasterException failure) {
		end(this.starts.remove(failure.serviceName()), ServiceTransitionEvent.FAILURE);
	}

	@Override
	public void stopped(String serviceName, Duration duration) {
		end(this.stops.remove(serviceName), ServiceTransitionEvent.SUCCESS);
	}

	@Override
	public void stopFailed(BandmasterException failure) {
		end(this.stops.remove(failure.serviceName()), ServiceTransitionEvent.FAILURE);
	}

	private static <E extends ServiceTransitionEvent> void begin(String serviceName, Supplier<E> factory,
			Map<String, E> open) {
		E event = factory.get();
		if (event.isEnabled()) {
			event.name = serviceName;
			event.begin();
			open.put(serviceName, event);
		}
	}

	private static void end(@Nullable ServiceTransitionEvent event, String outcome) {
		if (event != null) {
			event.end();
			event.outcome = outcome;
			event.commit();
		}
	}

}
