package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.bandmaster.Maestro;
import dev.bandmaster.RetryPolicy;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.lifecycle.scan.ScannedService;
import dev.bandmaster.spring.testsupport.ChainConfiguration;
import dev.bandmaster.spring.testsupport.EnvironmentVariables;
import dev.bandmaster.spring.testsupport.FlakyConfiguration;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandServiceCollector}: which beans are band services, their names,
 * their declared and inferred dependencies, and their settings from annotations,
 * registrations, defaults and configuration in that order.
 */
class BandServiceCollectorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void namesServicesAfterTheAnnotationOrTheBean() {
		this.runner.withUserConfiguration(ChainConfiguration.class, NamedComponent.class).run((context) -> {
			Maestro maestro = context.getBean(Maestro.class);
			assertThat(maestro.services()).extracting(ServiceSnapshot::name)
				.containsExactlyInAnyOrder("database", "cache", "api", "named");
			assertThat(maestro.state("named")).isEqualTo(ServiceState.STARTED);
		});
	}

	@Test
	void resolvesPlaceholdersInAttributes() {
		this.runner.withUserConfiguration(ChainConfiguration.class, PlaceholderConfiguration.class)
			.withPropertyValues("app.search.name=search", "app.search.backoff=150ms", "app.search.after=cache")
			.run((context) -> {
				List<ServiceDefinition> definitions = new BandServiceCollector(context.getBeanFactory(),
						context.getBean(BandmasterSettings.class))
					.collect();
				ServiceDefinition search = definitions.stream()
					.filter((definition) -> definition.name().equals("search"))
					.findFirst()
					.orElseThrow();
				assertThat(search.dependencies()).containsExactly("cache");
				assertThat(search.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(150));
			});
	}

	@Test
	void resolvesOnlyPlaceholdersInAttributes() {
		// A value without ${ is taken as written, whatever the embedded value resolvers
		// would make of it: only placeholders are resolved.
		this.runner.withUserConfiguration(ChainConfiguration.class, NamedComponent.class)
			.withInitializer((context) -> context.getBeanFactory().addEmbeddedValueResolver(String::toUpperCase))
			.run((context) -> assertThat(context.getBean(Maestro.class).services()).extracting(ServiceSnapshot::name)
				.containsExactlyInAnyOrder("database", "cache", "api", "named"));
	}

	@Test
	void findsBandServicesRegisteredAsObjects() {
		// A singleton registered without a bean definition, as getBeanNamesForAnnotation
		// finds it.
		Journal journal = new Journal();
		this.runner
			.withInitializer(
					(context) -> context.getBeanFactory().registerSingleton("objectBean", new NamedComponent(journal)))
			.run((context) -> {
				assertThat(context.getBean(Maestro.class).state("named")).isEqualTo(ServiceState.STARTED);
				assertThat(journal.entries("start:")).containsExactly("start:named");
			});
	}

	@Test
	void findsBandServicesByComponentScanning() {
		this.runner.withUserConfiguration(ScanConfiguration.class)
			.run((context) -> assertThat(context.getBean(Maestro.class).state("scannedService"))
				.isEqualTo(ServiceState.STARTED));
	}

	@Test
	void infersDependenciesFromInjection() {
		this.runner.withUserConfiguration(InjectionConfiguration.class).run((context) -> {
			Maestro maestro = context.getBean(Maestro.class);
			assertThat(maestro.snapshot("repository").dependencies()).containsExactly("pool");
			assertThat(maestro.snapshot("indexer").dependencies()).containsExactly("repository");
			assertThat(context.getBean(Journal.class).entries("start:")).containsExactly("start:pool",
					"start:repository", "start:indexer", "start:exporter");
			assertThat(maestro.snapshot("exporter").dependencies()).containsExactly("indexer");
		});
	}

	@Test
	void infersADependencyOnTheBeanARegistrationWraps() {
		this.runner.withUserConfiguration(WrappedClientConfiguration.class).run((context) -> {
			assertThat(context.getBean(Maestro.class).snapshot("consumer").dependencies()).containsExactly("client");
			assertThat(context.getBean(Journal.class).entries("start:")).containsExactly("start:client",
					"start:consumer");
		});
	}

	@Test
	void appliesPerServiceSettingsFromEnvironmentVariablesOverTheExactName() {
		this.runner.withUserConfiguration(EnvironmentNamesConfiguration.class)
			.withPropertyValues("bandmaster.services.partner-feed.required=true",
					"bandmaster.services.partner-feed.depends-on=searchIndex")
			.withInitializer(EnvironmentVariables.of(Map.of("BANDMASTER_SERVICES_PARTNERFEED_REQUIRED", "false",
					"BANDMASTER_SERVICES_SEARCHINDEX_REQUIRED", "false")))
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.snapshot("partner-feed").required()).as("environment over the file").isFalse();
				assertThat(maestro.snapshot("partner-feed").dependencies()).as("the file's other settings kept")
					.containsExactly("searchIndex");
				assertThat(maestro.snapshot("searchIndex").required()).isFalse();
			});
	}

	@Test
	void registersBandServiceRegistrationBeans() {
		this.runner.withUserConfiguration(ChainConfiguration.class, RegistrationConfiguration.class)
			.withPropertyValues("bandmaster.services.search.required=false")
			.run((context) -> {
				ServiceSnapshot search = context.getBean(Maestro.class).snapshot("search");
				assertThat(search.state()).isEqualTo(ServiceState.STARTED);
				assertThat(search.dependencies()).containsExactly("cache");
				assertThat(search.required()).isFalse();
				assertThat(context.getBean(Journal.class).entries("start:")).containsSubsequence("start:cache",
						"start:search");
			});
	}

	@Test
	void configurationWinsOverTheAnnotation() {
		this.runner.withUserConfiguration(ChainConfiguration.class)
			.withPropertyValues("bandmaster.services.api.depends-on=database", "bandmaster.services.api.required=false")
			.run((context) -> {
				ServiceSnapshot api = context.getBean(Maestro.class).snapshot("api");
				assertThat(api.dependencies()).containsExactly("database");
				assertThat(api.required()).isFalse();
			});
	}

	@Test
	void appliesDefaultsAnnotationAndConfigurationInThatOrder() {
		this.runner.withUserConfiguration(TuningConfiguration.class)
			.withPropertyValues("bandmaster.defaults.retries=2", "bandmaster.defaults.initial-backoff=5ms",
					"bandmaster.defaults.max-backoff=1s", "bandmaster.services.configured.retries=7")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<ServiceDefinition> definitions = new BandServiceCollector(context.getBeanFactory(),
						context.getBean(BandmasterSettings.class))
					.collect();
				assertThat(policy(definitions, "defaulted")).isEqualTo(new RetryPolicy(2, Duration.ofMillis(5),
						RetryPolicy.DEFAULT_MULTIPLIER, Duration.ofSeconds(1), 0));
				assertThat(policy(definitions, "annotated")).isEqualTo(new RetryPolicy(4, Duration.ofMillis(20),
						RetryPolicy.DEFAULT_MULTIPLIER, Duration.ofSeconds(1), 0));
				assertThat(policy(definitions, "configured").retries()).isEqualTo(7);
				assertThat(policy(definitions, "configured").initialBackoff()).isEqualTo(Duration.ofMillis(20));
			});
	}

	@Test
	void appliesEveryPerServiceKey() {
		this.runner.withUserConfiguration(TuningConfiguration.class)
			.withPropertyValues("bandmaster.services.configured.multiplier=1.5",
					"bandmaster.services.configured.max-backoff=2s", "bandmaster.services.configured.jitter=0.25",
					"bandmaster.services.configured.start-timeout=5s", "bandmaster.services.configured.stop-timeout=3s")
			.run((context) -> {
				ServiceDefinition configured = new BandServiceCollector(context.getBeanFactory(),
						context.getBean(BandmasterSettings.class))
					.collect()
					.stream()
					.filter((definition) -> definition.name().equals("configured"))
					.findFirst()
					.orElseThrow();
				assertThat(configured.retryPolicy())
					.isEqualTo(new RetryPolicy(4, Duration.ofMillis(20), 1.5, Duration.ofSeconds(2), 0.25));
				assertThat(configured.startTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(configured.stopTimeout()).isEqualTo(Duration.ofSeconds(3));
			});
	}

	@Test
	void honoursRetriesAndTheirSpacingFromConfiguration() {
		this.runner.withUserConfiguration(FlakyConfiguration.class)
			.withPropertyValues("bandmaster.services.flaky.retries=3", "bandmaster.services.flaky.initial-backoff=50ms")
			.run((context) -> {
				Journal journal = context.getBean(Journal.class);
				assertThat(journal.entries("attempt:")).hasSize(4);
				assertThat(context.getBean(Maestro.class).state("flaky")).isEqualTo(ServiceState.STARTED);
				List<Long> times = journal.attemptTimes("flaky");
				// Waits of 50, 100 and 200 ms; the lower bounds hold on any machine, the
				// upper ones loosely.
				long[] expected = { 50, 100, 200 };
				for (int i = 0; i < expected.length; i++) {
					long gap = Duration.ofNanos(times.get(i + 1) - times.get(i)).toMillis();
					assertThat(gap).isBetween(expected[i] - 5, expected[i] + 1000);
				}
			});
	}

	private static RetryPolicy policy(List<ServiceDefinition> definitions, String name) {
		return definitions.stream()
			.filter((definition) -> definition.name().equals(name))
			.findFirst()
			.orElseThrow()
			.retryPolicy();
	}

	@BandService(name = "named")
	static class NamedComponent extends RecordingService {

		NamedComponent(Journal journal) {
			super("named", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ Pool.class, Repository.class, Indexer.class })
	static class InjectionConfiguration {

		@Bean
		Journal journal() {
			return new Journal();
		}

		@Bean
		BandServiceRegistration exporter(Journal journal, Indexer indexer) {
			return BandServiceRegistration.of("exporter", new RecordingService("exporter", journal));
		}

	}

	@BandService(name = "pool")
	static class Pool extends RecordingService {

		Pool(Journal journal) {
			super("pool", journal);
		}

	}

	@BandService(name = "repository")
	static class Repository extends RecordingService {

		Repository(Journal journal, Pool pool) {
			super("repository", journal);
		}

	}

	@BandService(name = "indexer")
	static class Indexer extends RecordingService {

		Indexer(Journal journal, Repository repository) {
			super("indexer", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrappedClientConfiguration {

		@Bean
		Journal journal() {
			return new Journal();
		}

		@Bean
		RecordingService client(Journal journal) {
			return new RecordingService("client", journal);
		}

		@Bean
		BandServiceRegistration clientRegistration(RecordingService client) {
			return BandServiceRegistration.of("client", client);
		}

		@Bean
		@BandService
		Consumer consumer(Journal journal, RecordingService client) {
			return new Consumer(journal);
		}

	}

	static class Consumer extends RecordingService {

		Consumer(Journal journal) {
			super("consumer", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EnvironmentNamesConfiguration {

		@Bean
		@BandService(name = "partner-feed")
		RecordingService partnerFeed() {
			return new RecordingService("partner-feed", new Journal());
		}

		@Bean
		@BandService
		RecordingService searchIndex() {
			return new RecordingService("searchIndex", new Journal());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RegistrationConfiguration {

		@Bean
		BandServiceRegistration searchRegistration(Journal journal) {
			return BandServiceRegistration.builder("search", new RecordingService("search", journal))
				.dependsOn("cache")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderConfiguration {

		@Bean
		@BandService(name = "${app.search.name}", dependsOn = "${app.search.after}",
				initialBackoff = "${app.search.backoff}")
		RecordingService searchService(Journal journal) {
			return new RecordingService("search", journal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TuningConfiguration {

		@Bean
		@BandService
		RecordingService defaulted(Journal journal) {
			return new RecordingService("defaulted", journal);
		}

		@Bean
		@BandService(retries = 4, initialBackoff = "20ms")
		RecordingService annotated(Journal journal) {
			return new RecordingService("annotated", journal);
		}

		@Bean
		@BandService(retries = 4, initialBackoff = "20ms")
		RecordingService configured(Journal journal) {
			return new RecordingService("configured", journal);
		}

		@Bean
		Journal journal() {
			return new Journal();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = ScannedService.class)
	static class ScanConfiguration {

	}

}
