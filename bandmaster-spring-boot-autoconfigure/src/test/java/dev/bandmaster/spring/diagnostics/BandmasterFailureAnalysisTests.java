package dev.bandmaster.spring.diagnostics;

import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.EnvironmentVariables;
import dev.bandmaster.spring.testsupport.GatedService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the startups that fail: a required service that does not start, a graph that
 * cannot be booted, and every configuration error, each with its failure analysis.
 */
class BandmasterFailureAnalysisTests {

	// Outside the context, since a context that failed to start gives no bean away.
	private final Journal journal = new Journal();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
		.withBean(Journal.class, () -> this.journal);

	@Test
	void requiredFailureFailsTheStartupAndStopsWhatStarted() {
		this.runner.withUserConfiguration(FailingDatabaseConfiguration.class)
			.withPropertyValues("bandmaster.services.database.retries=2",
					"bandmaster.services.database.initial-backoff=1ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasRootCauseMessage("Connection refused: postgres://app:s3cret@db:5432/app");
				assertThat(context.getStartupFailure().getCause()).as("what Spring logs of the failure")
					.isInstanceOf(BandmasterStartupException.class)
					.message()
					.contains("postgres://app:******@db:5432/app")
					.doesNotContain("s3cret");
				assertThat(this.journal.entries("attempt:database")).hasSize(3);
				assertThat(this.journal.entries()).contains("start:pool", "stop:pool").doesNotContain("start:cache");
				FailureAnalysis analysis = analyze(new ServiceStartFailureAnalyzer(), context);
				assertThat(analysis.getDescription())
					.contains("BandMaster could not start the required service 'database' after 3 attempts (2 retries)")
					.contains("java.lang.IllegalStateException: Connection refused: postgres://app:******@db:5432/app")
					.contains("'cache' (required): not started, its dependency 'database' is unavailable")
					.doesNotContain("s3cret");
				assertThat(analysis.getAction()).contains("bandmaster.services.database.retries")
					.contains("bandmaster.services.database.required=false");
				assertThat(new ServiceGraphFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
			});
	}

	@Test
	void startupTimeoutFailsTheStartup() {
		this.runner.withUserConfiguration(SlowConfiguration.class)
			.withPropertyValues("bandmaster.startup.timeout=200ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(new ServiceStartFailureAnalyzer(), context);
				assertThat(analysis.getDescription())
					.contains("BandMaster could not start the required service 'slow' after 1 attempt (0 retries)")
					.contains("java.util.concurrent.TimeoutException: The start deadline of 200ms passed");
				assertThat(analysis.getAction()).contains("bandmaster.startup.timeout");
			});
	}

	@Test
	void missingDependencyIsAnalyzedAndNothingStarts() {
		this.runner.withUserConfiguration(MissingDependencyConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(this.journal.entries()).isEmpty();
			FailureAnalysis analysis = analyze(new ServiceGraphFailureAnalyzer(), context);
			assertThat(analysis.getDescription()).contains("none was started")
				.contains("service 'cache' depends on 'database', which no band service is named");
			assertThat(analysis.getAction()).contains("Correct each missing name, or register a band service under it");
			assertThat(new ServiceStartFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
		});
	}

	@Test
	void aMissingDependencyCloseToAServiceNameSuggestsIt() {
		this.runner.withUserConfiguration(DatabaseAndCacheConfiguration.class)
			.withPropertyValues("bandmaster.services.cache.depends-on=databse")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(new ServiceGraphFailureAnalyzer(), context);
				assertThat(analysis.getDescription())
					.contains("service 'cache' depends on 'databse', which no band service is named "
							+ "(did you mean 'database'?)");
				assertThat(analysis.getAction()).startsWith("Correct each missing name").doesNotContain("loop");
			});
	}

	@Test
	void aMissingClassIsNotRetriedAndTheAdviceIsAboutTheClasspath() {
		this.runner.withUserConfiguration(MissingClassConfiguration.class)
			.withPropertyValues("bandmaster.services.client.retries=3")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(new ServiceStartFailureAnalyzer(), context);
				assertThat(analysis.getDescription()).contains("'client' after 1 attempt (0 retries)")
					.contains("java.lang.NoClassDefFoundError: com/example/Driver");
				assertThat(analysis.getAction()).contains("missing or incompatible")
					.contains("dependencies")
					.doesNotContain("reachable")
					.doesNotContain("retries");
			});
	}

	@Test
	void aLoopIsToldToBeBrokenNotCorrected() {
		this.runner.withUserConfiguration(CycleConfiguration.class).run((context) -> {
			FailureAnalysis analysis = analyze(new ServiceGraphFailureAnalyzer(), context);
			assertThat(analysis.getAction()).startsWith("Break each loop").doesNotContain("missing");
		});
	}

	@Test
	void cycleIsPrintedAsAPathAndNothingStarts() {
		this.runner.withUserConfiguration(CycleConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(this.journal.entries()).isEmpty();
			FailureAnalysis analysis = analyze(new ServiceGraphFailureAnalyzer(), context);
			assertThat(analysis.getDescription()).containsPattern("a dependency loop: (a -> b -> a|b -> a -> b)");
		});
	}

	@Test
	void unknownServiceNameUnderServicesListsTheKnownNames() {
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.services.databse.retries=3")
			.run(configurationError((analysis) -> {
				assertThat(analysis.getDescription()).contains("bandmaster.services.databse")
					.contains("Known band services: [a, b]");
				assertThat(analysis.getAction()).contains("[a, b]");
			}));
	}

	@Test
	void negativeRetriesNameTheKey() {
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.services.a.retries=-1")
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.isEqualTo("bandmaster.services.a.retries is -1, but must be zero or more.")));
	}

	@Test
	void durationsOutOfRangeNameTheKeyByTheEnginesRules() {
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.defaults.initial-backoff=-200ms")
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.startsWith("bandmaster.defaults.initial-backoff is -200ms, but must be a duration of zero or more")));
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.services.b.start-timeout=-1s")
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.startsWith("bandmaster.services.b.start-timeout is -1s, but must be a positive duration")));
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.defaults.initial-backoff=0ms")
			.run((context) -> assertThat(context).as("a zero backoff retries at once, as in the engine")
				.hasNotFailed());
	}

	@Test
	void nonPositiveStartupAndShutdownTimeoutsNameTheKey() {
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.startup.timeout=0s")
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.isEqualTo("bandmaster.startup.timeout is 0s, but must be a positive duration.")));
		this.runner.withUserConfiguration(CycleFreeConfiguration.class)
			.withPropertyValues("bandmaster.shutdown.timeout=-5s")
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.isEqualTo("bandmaster.shutdown.timeout is -5s, but must be a positive duration.")));
	}

	@Test
	void prototypeBandServiceNamesTheBeanAndItsScope() {
		this.runner.withUserConfiguration(PrototypeConfiguration.class).run(configurationError((analysis) -> {
			assertThat(analysis.getDescription()).startsWith("Bean 'client' is annotated with @BandService")
				.contains("scope 'prototype'");
			assertThat(analysis.getAction()).contains("singleton").contains("BandServiceRegistration");
		}));
	}

	@Test
	void anEnvironmentVariableThatFitsTwoServicesNamesBoth() {
		this.runner.withUserConfiguration(LookAlikeConfiguration.class)
			.withInitializer(EnvironmentVariables.of(Map.of("BANDMASTER_SERVICES_PARTNERFEED_RETRIES", "2")))
			.run(configurationError((analysis) -> {
				assertThat(analysis.getDescription()).isEqualTo(
						"bandmaster.services.partnerfeed could configure any of the band services [partner-feed, partnerFeed].");
				assertThat(analysis.getAction()).contains("SPRING_APPLICATION_JSON");
			}));
	}

	@Test
	void invalidAnnotationValuesNameTheBeanAndAttribute() {
		this.runner.withUserConfiguration(InvalidAnnotationConfiguration.class)
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.isEqualTo("@BandService(initialBackoff) of bean 'slow' is 'soon', which is not a duration.")));
	}

	@Test
	void invalidRegistrationValuesNameTheRegistration() {
		this.runner.withUserConfiguration(InvalidRegistrationConfiguration.class)
			.run(configurationError((analysis) -> assertThat(analysis.getDescription()).isEqualTo(
					"BandServiceRegistration 'partner' (bean 'partnerRegistration') jitter is 2.0, but must be a "
							+ "number from 0 to 1.")));
	}

	@Test
	void bandServiceThatIsNotAServiceNamesTheBean() {
		this.runner.withUserConfiguration(NotAServiceConfiguration.class).run(configurationError((analysis) -> {
			assertThat(analysis.getDescription()).startsWith("Bean 'notAService' of type java.lang.String")
				.contains("does not implement dev.bandmaster.Service");
			assertThat(analysis.getAction()).contains("BandServiceRegistration");
		}));
	}

	@Test
	void duplicateNamesNameBothBeans() {
		this.runner.withUserConfiguration(CycleFreeConfiguration.class, DuplicateConfiguration.class)
			.run(configurationError((analysis) -> assertThat(analysis.getDescription())
				.isEqualTo("Beans 'a' and 'duplicateRegistration' are both band services named 'a'.")));
	}

	private ContextConsumer<AssertableApplicationContext> configurationError(Consumer<FailureAnalysis> check) {
		return (context) -> {
			assertThat(context).hasFailed();
			assertThat(this.journal.entries()).isEmpty();
			check.accept(analyze(new BandmasterConfigurationFailureAnalyzer(), context));
		};
	}

	private static FailureAnalysis analyze(FailureAnalyzer analyzer, AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = analyzer.analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingDatabaseConfiguration {

		@Bean
		@BandService
		RecordingService pool(Journal journal) {
			return new RecordingService("pool", journal);
		}

		@Bean
		@BandService
		RecordingService database(Journal journal) {
			return RecordingService.failingForever("database", journal,
					"Connection refused: postgres://app:s3cret@db:5432/app");
		}

		@Bean
		@BandService(dependsOn = "database")
		RecordingService cache(Journal journal) {
			return new RecordingService("cache", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowConfiguration {

		@Bean
		@BandService
		GatedService slow() {
			return new GatedService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingDependencyConfiguration {

		@Bean
		@BandService(dependsOn = "database")
		RecordingService cache(Journal journal) {
			return new RecordingService("cache", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CycleConfiguration {

		@Bean
		@BandService(dependsOn = "b")
		RecordingService a(Journal journal) {
			return new RecordingService("a", journal);
		}

		@Bean
		@BandService(dependsOn = "a")
		RecordingService b(Journal journal) {
			return new RecordingService("b", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CycleFreeConfiguration {

		@Bean
		@BandService
		RecordingService a(Journal journal) {
			return new RecordingService("a", journal);
		}

		@Bean
		@BandService(dependsOn = "a")
		RecordingService b(Journal journal) {
			return new RecordingService("b", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingClassConfiguration {

		@Bean
		@BandService
		Service client() {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) {
					throw new NoClassDefFoundError("com/example/Driver");
				}

				@Override
				public void stop() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DatabaseAndCacheConfiguration {

		@Bean
		@BandService
		RecordingService database(Journal journal) {
			return new RecordingService("database", journal);
		}

		@Bean
		@BandService
		RecordingService cache(Journal journal) {
			return new RecordingService("cache", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypeConfiguration {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		@BandService
		RecordingService client(Journal journal) {
			return new RecordingService("client", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LookAlikeConfiguration {

		@Bean
		@BandService(name = "partner-feed")
		RecordingService partnerFeed(Journal journal) {
			return new RecordingService("partner-feed", journal);
		}

		@Bean
		@BandService(name = "partnerFeed")
		RecordingService partnerFeedV2(Journal journal) {
			return new RecordingService("partnerFeed", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidAnnotationConfiguration {

		@Bean
		@BandService(initialBackoff = "soon")
		RecordingService slow(Journal journal) {
			return new RecordingService("slow", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidRegistrationConfiguration {

		@Bean
		BandServiceRegistration partnerRegistration(Journal journal) {
			return BandServiceRegistration.builder("partner", new RecordingService("partner", journal))
				.jitter(2.0)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NotAServiceConfiguration {

		@Bean
		@BandService
		String notAService() {
			return "not a service";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateConfiguration {

		@Bean
		BandServiceRegistration duplicateRegistration(Journal journal) {
			return BandServiceRegistration.of("a", new RecordingService("a", journal));
		}

	}

}
