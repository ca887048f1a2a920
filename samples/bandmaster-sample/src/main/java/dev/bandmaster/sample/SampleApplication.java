package dev.bandmaster.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

/**
 * A small shop: a catalog in a database, a search index and a price cache built from it,
 * and an optional partner feed of promotions. BandMaster boots them as a graph behind a
 * data source gate; {@code /actuator/health} and {@code /actuator/bandmaster} show how it
 * went.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * Returns the sample's application as {@link #main} runs it, for a test to run it the
	 * same way: Spring AOT generates the context from {@code main} at build time.
	 */
	static SpringApplication application() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// Named, not found on the stack (a test's would be the runner's): the context
		// that AOT generates is looked up by its name.
		application.setMainApplicationClass(SampleApplication.class);
		// Buffered startup steps make each service's boot visible at /actuator/startup.
		application.setApplicationStartup(new BufferingApplicationStartup(4096));
		return application;
	}

}
