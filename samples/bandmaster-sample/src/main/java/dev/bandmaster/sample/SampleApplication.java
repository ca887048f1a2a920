package dev.bandmaster.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

/**
 * A small shop: a catalog in a database, a search index and a price cache built from it, and an optional partner
 * feed of promotions. BandMaster boots them as a graph behind a data source gate; {@code /actuator/health} and
 * {@code /actuator/bandmaster} show how it went.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// Buffered startup steps make each service's boot visible at /actuator/startup.
		application.setApplicationStartup(new BufferingApplicationStartup(4096));
		application.run(args);
	}

}
