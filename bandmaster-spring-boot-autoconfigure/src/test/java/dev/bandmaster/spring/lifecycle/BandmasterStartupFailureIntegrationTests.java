package dev.bandmaster.spring.lifecycle;

import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests that a {@link SpringApplication} whose band services cannot boot fails to start
 * with BandMaster's failure analysis, found through {@code META-INF/spring.factories},
 * and leaves no service running.
 */
@ExtendWith(OutputCaptureExtension.class)
class BandmasterStartupFailureIntegrationTests {

	private final Journal journal = new Journal();

	@Test
	void requiredFailureEndsTheStartupWithTheAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("bandmaster.services.database.retries=1",
				"bandmaster.services.database.initial-backoff=10ms"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("BandMaster could not start the required service 'database' after 2 attempts (1 retry)")
			.contains("java.lang.IllegalStateException: Connection refused")
			.contains("set bandmaster.services.database.required=false");
		assertThat(this.journal.entries()).containsExactly("attempt:pool", "start:pool", "attempt:database",
				"attempt:database", "stop:pool");
	}

	@Test
	void configurationErrorEndsTheStartupWithTheAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("bandmaster.services.databse.retries=1"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("bandmaster.services.databse configures a band service named 'databse', but there is none "
					+ "(did you mean 'database'?). Known band services: [pool, database].");
		assertThat(this.journal.entries()).isEmpty();
	}

	@Test
	void aStartIgnoringItsInterruptionIsReportedBeforeTheCleanupWaitsForIt(CapturedOutput output) {
		CountDownLatch release = new CountDownLatch(1);
		try {
			assertThatException()
				.isThrownBy(() -> new SpringApplicationBuilder(StubbornApplication.class).web(WebApplicationType.NONE)
					.initializers((context) -> context.getBeanFactory().registerSingleton("release", release))
					.properties("bandmaster.startup.timeout=300ms", "bandmaster.shutdown.timeout=1s")
					.run());
		}
		finally {
			release.countDown();
		}
		String log = output.getOut();
		int reported = log.indexOf("Required band services did not start: ");
		int cleanupGaveUp = log.indexOf("Band services did not stop: ");
		assertThat(reported).as("the start failure is reported").isNotNegative();
		assertThat(log.substring(reported)).contains("waiting up to 1s (bandmaster.shutdown.timeout)");
		assertThat(cleanupGaveUp).as("the cleanup gave up on the stubborn start").isGreaterThan(reported);
		assertThat(log.indexOf("APPLICATION FAILED TO START")).isGreaterThan(cleanupGaveUp);
	}

	@Test
	void dependencyLoopEndsTheStartupWithTheGraphAnalysis(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("bandmaster.services.pool.depends-on=database"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The band services' dependencies cannot be satisfied, so none was started")
			.containsPattern("a dependency loop: (pool -> database -> pool|database -> pool -> database)");
		assertThat(this.journal.entries()).isEmpty();
	}

	private void run(String... properties) {
		new SpringApplicationBuilder(FailingApplication.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("journal", this.journal))
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FailingApplication {

		@Bean
		@BandService
		RecordingService pool(Journal journal) {
			return new RecordingService("pool", journal);
		}

		@Bean
		@BandService(dependsOn = "pool")
		RecordingService database(Journal journal) {
			return RecordingService.failingForever("database", journal, "Connection refused");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class StubbornApplication {

		/**
		 * A start that swallows its interruption until the test releases it.
		 */
		@Bean
		@BandService
		Service stubborn(CountDownLatch release) {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) {
					while (release.getCount() > 0) {
						try {
							release.await();
						}
						catch (InterruptedException ex) {
							// Ignored on purpose: the driver this stands for does not
							// answer it.
						}
					}
				}

				@Override
				public void stop() {
				}

			};
		}

	}

}
