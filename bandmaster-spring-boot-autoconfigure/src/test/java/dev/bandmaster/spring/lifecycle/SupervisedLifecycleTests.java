package dev.bandmaster.spring.lifecycle;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.Restart;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.BreakableService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of supervision across the application's lifecycle: it begins when the boot
 * completes, in either startup mode, and the application's shutdown ends it before
 * stopping the services.
 */
@ExtendWith(OutputCaptureExtension.class)
class SupervisedLifecycleTests {

	private static final Duration LOOSE = Duration.ofSeconds(20);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
		.withUserConfiguration(SupervisedConfiguration.class)
		.withPropertyValues("bandmaster.services.cache.check-interval=50ms",
				"bandmaster.services.cache.initial-backoff=50ms", "bandmaster.services.cache.max-backoff=50ms");

	@Test
	void aBackgroundBootIsSupervisedOnceItCompletes() {
		this.runner.withPropertyValues("bandmaster.startup.mode=background").run((context) -> {
			Maestro maestro = context.getBean(Maestro.class);
			await().atMost(LOOSE).until(() -> maestro.state("catalog") == ServiceState.STARTED);
			BreakableService cache = context.getBean(BreakableService.class);
			cache.breakDown();
			await().atMost(LOOSE).until(() -> maestro.snapshot("cache").failures() == 1);
			cache.mend();
			await().atMost(LOOSE).until(() -> maestro.state("catalog") == ServiceState.STARTED);
			assertThat(maestro.state("cache")).isEqualTo(ServiceState.STARTED);
		});
	}

	@Test
	void theShutdownEndsSupervisionFirstAndSaysWhatWasNotRunning(CapturedOutput output) {
		this.runner.run((context) -> {
			Maestro maestro = context.getBean(Maestro.class);
			BreakableService cache = context.getBean(BreakableService.class);
			cache.breakDown();
			// The boot's start, then at least two restarts that failed.
			await().atMost(LOOSE).until(() -> cache.startAttempts() >= 3);
			context.close();
			int attemptsAtClose = cache.startAttempts();
			assertThat(maestro.state("cache")).isEqualTo(ServiceState.FAILED);
			assertThat(maestro.state("catalog")).isEqualTo(ServiceState.STOPPED);
			assertThat(output)
				.containsPattern("Band services stopped: 0 in \\d+ ms; failed, so not running: \\[cache\\]");
			// Several restart periods: none begins after the shutdown.
			Thread.sleep(500);
			assertThat(cache.startAttempts()).isEqualTo(attemptsAtClose);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class SupervisedConfiguration {

		@Bean
		@BandService(restart = Restart.ON_FAILURE)
		BreakableService cache() {
			return new BreakableService("Connection refused");
		}

		@Bean
		@BandService(dependsOn = "cache")
		RecordingService catalog() {
			return new RecordingService("catalog", new Journal());
		}

	}

}
