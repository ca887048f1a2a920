package dev.bandmaster.spring.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.spring.BandService;

/**
 * One band service, {@code flaky}, whose first three starts fail with "not yet",
 * recording in the {@link Journal} bean.
 */
@Configuration(proxyBeanMethods = false)
public class FlakyConfiguration {

	@Bean
	Journal journal() {
		return new Journal();
	}

	@Bean
	@BandService
	RecordingService flaky(Journal journal) {
		return new RecordingService("flaky", journal, 3, "not yet");
	}

}
