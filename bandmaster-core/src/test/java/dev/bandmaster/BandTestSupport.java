package dev.bandmaster;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;

/**
 * What most engine tests start from: a fresh {@link Maestro} and a {@link Timeline} its
 * {@link RecordingService recording services} write to.
 */
abstract class BandTestSupport {

	protected final Timeline timeline = new Timeline();

	protected final Maestro maestro = new Maestro();

	/**
	 * Registers a required recording service.
	 * @param name its name
	 * @param dependencies the names of its dependencies
	 * @return the service, to configure and inspect
	 */
	protected RecordingService add(String name, String... dependencies) {
		RecordingService service = new RecordingService(name, this.timeline);
		this.maestro.addService(name, true, service, dependencies);
		return service;
	}

}
