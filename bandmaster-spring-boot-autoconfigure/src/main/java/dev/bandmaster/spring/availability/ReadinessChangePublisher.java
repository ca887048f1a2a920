package dev.bandmaster.spring.availability;

import java.time.Duration;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.spring.BootCompletedEvent;

/**
 * Tells a {@link BandmasterApplicationAvailability} of every change of the band services
 * after the boot, so that it publishes the changes of readiness they make: a
 * {@link MaestroListener} for the services' transitions, and an application listener for
 * the boot's completion and the application's closing.
 * <p>
 * Thread-safe: it holds no state of its own.
 */
public final class ReadinessChangePublisher implements MaestroListener, SmartApplicationListener {

	private final BandmasterApplicationAvailability availability;

	private final ApplicationEventPublisher publisher;

	/**
	 * Creates a publisher.
	 * @param availability the availability whose rule decides readiness
	 * @param publisher where the changes are published
	 */
	public ReadinessChangePublisher(BandmasterApplicationAvailability availability,
			ApplicationEventPublisher publisher) {
		this.availability = availability;
		this.publisher = publisher;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return BootCompletedEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof BootCompletedEvent) {
			this.availability.bootCompleted(this.publisher);
		}
		else {
			this.availability.closing();
		}
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		this.availability.servicesChanged(this.publisher);
	}

	@Override
	public void startFailed(BandmasterException failure) {
		this.availability.servicesChanged(this.publisher);
	}

	@Override
	public void failed(String serviceName, Throwable cause) {
		this.availability.servicesChanged(this.publisher);
	}

	@Override
	public void stopped(String serviceName, Duration duration) {
		this.availability.servicesChanged(this.publisher);
	}

}
