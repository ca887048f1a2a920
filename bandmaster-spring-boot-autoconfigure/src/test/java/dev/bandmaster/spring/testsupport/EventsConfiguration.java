package dev.bandmaster.spring.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.spring.BandmasterEvent;

/**
 * Records every {@link BandmasterEvent} the application context publishes.
 */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

	private final List<BandmasterEvent> events = new CopyOnWriteArrayList<>();

	/**
	 * Returns the events published so far, in order; the list grows as more are.
	 * @return the events
	 */
	public List<BandmasterEvent> events() {
		return this.events;
	}

	@Bean
	ApplicationListener<BandmasterEvent> recordingListener() {
		return this.events::add;
	}

}
