package dev.bandmaster.spring.lifecycle;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes events in the application context, keeping those of the services started
 * ahead of the context's start (while beans are still being created) until
 * {@link #release()}: then listeners exist, {@code @EventListener} methods included, and
 * one that needs a bean held by the service that is starting cannot deadlock its
 * creation. Thread-safe.
 */
final class DeferredEventPublisher implements ApplicationEventPublisher {

	private final ApplicationEventPublisher publisher;

	/** Guarded by this; {@code null} once released. */
	private List<Object> deferred = new ArrayList<>();

	DeferredEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void publishEvent(Object event) {
		synchronized (this) {
			if (this.deferred != null) {
				this.deferred.add(event);
				return;
			}
		}
		this.publisher.publishEvent(event);
	}

	/**
	 * Publishes the events kept so far, in order, and every later one at once.
	 * Idempotent.
	 */
	void release() {
		List<Object> events;
		synchronized (this) {
			events = this.deferred;
			this.deferred = null;
		}
		if (events != null) {
			events.forEach(this.publisher::publishEvent);
		}
	}

}
