package dev.bandmaster.spring;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

import dev.bandmaster.Maestro;

/**
 * Base class of the events BandMaster publishes in the application context while it boots
 * and shuts down the band services. The source is the {@link Maestro}.
 * <p>
 * Events about one service are published from BandMaster's worker threads, concurrently
 * for different services and in order for one service: listeners must be thread-safe and
 * quick, since a slow listener slows the boot. Events are immutable.
 */
public abstract class BandmasterEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final @Nullable String serviceName;

	/**
	 * Creates an event.
	 * @param maestro the maestro that runs the services
	 * @param serviceName the service the event is about, or {@code null} for an event
	 * about the whole boot
	 */
	protected BandmasterEvent(Maestro maestro, @Nullable String serviceName) {
		super(maestro);
		this.serviceName = serviceName;
	}

	/**
	 * Returns the maestro that published this event.
	 * @return the maestro
	 */
	public Maestro getMaestro() {
		return (Maestro) getSource();
	}

	/**
	 * Returns the service this event is about.
	 * @return its name; {@code null} only for {@link BootCompletedEvent}, which is about
	 * the whole boot
	 */
	public @Nullable String getServiceName() {
		return this.serviceName;
	}

}
