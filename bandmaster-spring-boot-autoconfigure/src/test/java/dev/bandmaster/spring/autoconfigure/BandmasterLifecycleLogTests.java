package dev.bandmaster.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what {@link BandmasterLifecycle} logs beside Spring's own lines: a user reads
 * the start and the stop of the band services at INFO.
 */
@ExtendWith(OutputCaptureExtension.class)
class BandmasterLifecycleLogTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
		.withUserConfiguration(BandmasterAutoConfigurationTests.ChainConfiguration.class);

	@Test
	void aCleanShutdownSaysHowManyServicesStoppedInHowLong(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(output).doesNotContain("Band services stopped");
			context.close();
			assertThat(output).containsPattern("INFO .*Band services stopped: 3 in \\d+ ms");
		});
	}

}
