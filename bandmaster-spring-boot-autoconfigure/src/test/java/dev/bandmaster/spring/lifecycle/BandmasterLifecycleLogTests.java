package dev.bandmaster.spring.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.ChainConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what {@link BandmasterLifecycle} logs beside Spring's own lines: a user reads
 * the start and the stop of the band services at INFO.
 */
@ExtendWith(OutputCaptureExtension.class)
class BandmasterLifecycleLogTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
		.withUserConfiguration(ChainConfiguration.class);

	@Test
	void aCleanShutdownSaysHowManyServicesStoppedInHowLong(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(output).doesNotContain("Band services stopped");
			context.close();
			assertThat(output).containsPattern("INFO .*Band services stopped: 3 in \\d+ ms");
		});
	}

}
