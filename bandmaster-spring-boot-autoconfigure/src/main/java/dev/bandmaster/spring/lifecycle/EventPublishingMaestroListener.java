package dev.bandmaster.spring.lifecycle;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.ServiceFailedEvent;
import dev.bandmaster.spring.ServiceRetryEvent;
import dev.bandmaster.spring.ServiceStartFailedEvent;
import dev.bandmaster.spring.ServiceStartedEvent;
import dev.bandmaster.spring.ServiceStartingEvent;
import dev.bandmaster.spring.ServiceStopFailedEvent;
import dev.bandmaster.spring.ServiceStoppedEvent;
import dev.bandmaster.spring.ServiceStoppingEvent;

/**
 * Publishes each transition of a maestro's services as a
 * {@link dev.bandmaster.spring.BandmasterEvent} in the application context. Thread-safe:
 * it holds no state of its own.
 */
final class EventPublishingMaestroListener implements MaestroListener {

	private final Maestro maestro;

	private final ApplicationEventPublisher publisher;

	EventPublishingMaestroListener(Maestro maestro, ApplicationEventPublisher publisher) {
		this.maestro = maestro;
		this.publisher = publisher;
	}

	@Override
	public void starting(String serviceName) {
		this.publisher.publishEvent(new ServiceStartingEvent(this.maestro, serviceName));
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		this.publisher.publishEvent(new ServiceStartedEvent(this.maestro, serviceName, duration, attempts));
	}

	@Override
	public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
			Throwable error) {
		this.publisher
			.publishEvent(new ServiceRetryEvent(this.maestro, serviceName, transition, attempt, delay, error));
	}

	@Override
	public void startFailed(BandmasterException failure) {
		this.publisher.publishEvent(new ServiceStartFailedEvent(this.maestro, failure));
	}

	@Override
	public void failed(String serviceName, Throwable cause) {
		this.publisher.publishEvent(new ServiceFailedEvent(this.maestro, serviceName, cause));
	}

	@Override
	public void stopping(String serviceName) {
		this.publisher.publishEvent(new ServiceStoppingEvent(this.maestro, serviceName));
	}

	@Override
	public void stopped(String serviceName, Duration duration) {
		this.publisher.publishEvent(new ServiceStoppedEvent(this.maestro, serviceName, duration));
	}

	@Override
	public void stopFailed(BandmasterException failure) {
		this.publisher.publishEvent(new ServiceStopFailedEvent(this.maestro, failure));
	}

}
