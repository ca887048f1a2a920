package dev.bandmaster.spring.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.spring.BandService;

/**
 * Three band services in a chain, each recording in the {@link Journal} bean:
 * {@code database}, then {@code cache}, which depends on it, then {@code api}, which
 * depends on both.
 */
@Configuration(proxyBeanMethods = false)
public class ChainConfiguration {

	@Bean
	Journal journal() {
		return new Journal();
	}

	@Bean
	@BandService
	RecordingService database(Journal journal) {
		return new RecordingService("database", journal);
	}

	@Bean
	@BandService(dependsOn = "database")
	RecordingService cache(Journal journal) {
		return new RecordingService("cache", journal);
	}

	@Bean
	@BandService(dependsOn = { "cache", "database" })
	RecordingService api(Journal journal) {
		return new RecordingService("api", journal);
	}

}
