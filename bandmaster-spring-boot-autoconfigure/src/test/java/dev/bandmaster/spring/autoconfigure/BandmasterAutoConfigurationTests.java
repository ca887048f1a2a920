package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.RetryPolicy;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterEvent;
import dev.bandmaster.spring.BootCompletedEvent;
import dev.bandmaster.spring.ServiceRetryEvent;
import dev.bandmaster.spring.ServiceStartFailedEvent;
import dev.bandmaster.spring.ServiceStartedEvent;
import dev.bandmaster.spring.ServiceStartingEvent;
import dev.bandmaster.spring.ServiceStopFailedEvent;
import dev.bandmaster.spring.ServiceStoppedEvent;
import dev.bandmaster.spring.autoconfigure.scan.ScannedService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BandmasterAutoConfiguration}: registration of band services, their
 * dependencies, their configuration, the order of start and stop, and what the boot
 * reports.
 */
class BandmasterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void backsOffWhenDisabled() {
		this.runner.withUserConfiguration(ChainConfiguration.class)
			.withPropertyValues("bandmaster.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(Maestro.class).doesNotHaveBean(BandmasterLifecycle.class);
				assertThat(context.getBean(Journal.class).entries()).isEmpty();
			});
	}

	@Test
	void startsInDependencyOrderAndStopsInReverse() {
		this.runner.withUserConfiguration(ChainConfiguration.class).run((context) -> {
			Journal journal = context.getBean(Journal.class);
			assertThat(journal.entries("start:")).containsExactly("start:database", "start:cache", "start:api");
			context.close();
			assertThat(journal.entries("stop:")).containsExactly("stop:api", "stop:cache", "stop:database");
		});
	}

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
						context.getBean(BandmasterProperties.class))
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
	void aBootCutShortByTheShutdownPublishesNoCompletion() {
		this.runner.withPropertyValues("bandmaster.startup.mode=background")
			.withUserConfiguration(EventsConfiguration.class)
			.withBean(SlowService.class)
			.run((context) -> {
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events;
				Maestro maestro = context.getBean(Maestro.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> maestro.state("slow") == ServiceState.STARTING);
				Thread boot = Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter((thread) -> thread.getName().equals("bandmaster-boot"))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no background boot thread"));
				context.close();
				// Only the boot thread publishes the completion: once it has ended, no
				// completion can come any more. Ten seconds only catch a hang.
				boot.join(10_000);
				assertThat(boot.isAlive()).as("the background boot thread, after the close").isFalse();
				assertThat(events).noneMatch(BootCompletedEvent.class::isInstance);
			});
	}

	@Test
	void closingTheContextInterruptsABackgroundBoot() {
		this.runner.withPropertyValues("bandmaster.startup.mode=background")
			.withBean(SlowService.class)
			.withBean("after", BandServiceRegistration.class,
					() -> BandServiceRegistration.builder("after", new RecordingService("after", new Journal()))
						.dependsOn("slow")
						.build())
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				long began = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
				assertThat(maestro.services()).extracting(ServiceSnapshot::state)
					.doesNotContain(ServiceState.STARTED, ServiceState.STARTING);
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
	void closingTheContextFromTheBootCompletionOnTheBootThreadStopsWhatStarted() {
		// Handed in from here: the context may be closed before the test could ask it.
		Journal journal = new Journal();
		CountDownLatch closed = new CountDownLatch(1);
		this.runner.withBean(Journal.class, () -> journal)
			.withBean(CountDownLatch.class, () -> closed)
			.withUserConfiguration(CloseOnFailedBootConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background")
			.run((context) -> {
				assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(journal.entries("stop:")).containsExactly("stop:good");
			});
	}

	@Test
	void aListenerFailingTheStartupAfterTheBootStopsWhatStarted() {
		Journal journal = new Journal();
		this.runner.withBean(Journal.class, () -> journal)
			.withUserConfiguration(VetoingListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessage("vetoed");
				assertThat(journal.entries("stop:")).containsExactly("stop:good");
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
						context.getBean(BandmasterProperties.class))
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
						context.getBean(BandmasterProperties.class))
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
	void shutdownTimeoutBoundsTheStop() {
		this.runner.withUserConfiguration(HangingStopConfiguration.class, EventsConfiguration.class)
			.withPropertyValues("bandmaster.shutdown.timeout=200ms")
			.run((context) -> {
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events;
				long began = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
				assertThat(events).filteredOn(ServiceStopFailedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(event.getServiceName()).isEqualTo("hanging"));
			});
	}

	private static RetryPolicy policy(List<ServiceDefinition> definitions, String name) {
		return definitions.stream()
			.filter((definition) -> definition.name().equals(name))
			.findFirst()
			.orElseThrow()
			.retryPolicy();
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

	@Test
	void publishesEventsForEveryTransition() {
		this.runner.withUserConfiguration(FlakyConfiguration.class, EventsConfiguration.class)
			.withPropertyValues("bandmaster.services.flaky.retries=3", "bandmaster.services.flaky.initial-backoff=1ms")
			.run((context) -> {
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events;
				assertThat(events).filteredOn(ServiceStartingEvent.class::isInstance).hasSize(1);
				assertThat(events).filteredOn(ServiceRetryEvent.class::isInstance)
					.extracting((event) -> ((ServiceRetryEvent) event).getAttempt())
					.containsExactly(1, 2, 3);
				assertThat(events).filteredOn(ServiceStartedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(((ServiceStartedEvent) event).getAttempts()).isEqualTo(4));
				assertThat(events).filteredOn(BootCompletedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(((BootCompletedEvent) event).isSuccessful()).isTrue());
				context.close();
				assertThat(events.subList(events.size() - 2, events.size()))
					.extracting((event) -> event.getClass().getSimpleName() + ":" + event.getServiceName())
					.containsExactly("ServiceStoppingEvent:flaky", "ServiceStoppedEvent:flaky");
			});
	}

	@Test
	void keepsRunningWhenAnOptionalServiceFails() {
		this.runner
			.withUserConfiguration(ChainConfiguration.class, OptionalFailureConfiguration.class,
					EventsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Maestro.class).state("feed")).isEqualTo(ServiceState.FAILED);
				assertThat(context.getBean(Maestro.class).state("api")).isEqualTo(ServiceState.STARTED);
				List<BandmasterEvent> events = context.getBean(EventsConfiguration.class).events;
				assertThat(events).filteredOn(ServiceStartFailedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> assertThat(event.getServiceName()).isEqualTo("feed"));
				assertThat(events).filteredOn(BootCompletedEvent.class::isInstance)
					.singleElement()
					.satisfies((event) -> {
						BootCompletedEvent completed = (BootCompletedEvent) event;
						assertThat(completed.isSuccessful()).isTrue();
						assertThat(completed.getFailures()).hasSize(1);
					});
			});
	}

	@Test
	void notifiesMaestroListenerBeans() {
		this.runner.withUserConfiguration(ChainConfiguration.class, ListenerConfiguration.class).run((context) -> {
			assertThat(context.getBean(ListenerConfiguration.class).started).containsExactlyInAnyOrder("database",
					"cache", "api");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnMaestro() {
		this.runner.withUserConfiguration(ChainConfiguration.class, CustomMaestroConfiguration.class).run((context) -> {
			assertThat(context).getBean(Maestro.class).isSameAs(context.getBean("customMaestro"));
			assertThat(context.getBean(Maestro.class).state("api")).isEqualTo(ServiceState.STARTED);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnLifecycle() {
		this.runner.withUserConfiguration(ChainConfiguration.class, CustomLifecycleConfiguration.class)
			.run((context) -> assertThat(context).getBean(BandmasterLifecycle.class)
				.isSameAs(context.getBean("customLifecycle")));
	}

	@Test
	void recordsEachStartAsAnApplicationStartupStep() {
		BufferingApplicationStartup startup = new BufferingApplicationStartup(1000);
		this.runner.withInitializer((context) -> context.setApplicationStartup(startup))
			.withUserConfiguration(ChainConfiguration.class)
			.run((context) -> {
				List<StartupTimeline.TimelineEvent> steps = startup.getBufferedTimeline()
					.getEvents()
					.stream()
					.filter((event) -> event.getStartupStep().getName().equals("bandmaster.service.start"))
					.toList();
				assertThat(steps).hasSize(3);
				assertThat(steps).allSatisfy((step) -> assertThat(step.getStartupStep().getTags())
					.anySatisfy((tag) -> assertThat(tag.getKey() + "=" + tag.getValue()).isEqualTo("outcome=success")));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ChainConfiguration {

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

	@BandService(name = "slow")
	static class SlowService extends GatedService {

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
	static class CloseOnFailedBootConfiguration {

		@Bean
		@BandService
		RecordingService good(Journal journal) {
			return new RecordingService("good", journal);
		}

		@Bean
		@BandService(dependsOn = "good")
		RecordingService bad(Journal journal) {
			return RecordingService.failingForever("bad", journal, "boom");
		}

		@Bean
		ApplicationListener<BootCompletedEvent> closeOnFailedBoot(ConfigurableApplicationContext context,
				CountDownLatch closed) {
			return (event) -> {
				if (!event.isSuccessful()) {
					context.close();
					closed.countDown();
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class VetoingListenerConfiguration {

		@Bean
		@BandService
		RecordingService good(Journal journal) {
			return new RecordingService("good", journal);
		}

		@Bean
		ApplicationListener<BootCompletedEvent> veto() {
			return (event) -> {
				throw new IllegalStateException("vetoed");
			};
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
	static class FlakyConfiguration {

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

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = ScannedService.class)
	static class ScanConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class HangingStopConfiguration {

		@Bean
		@BandService
		Service hanging() {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) {
				}

				@Override
				public void stop() throws InterruptedException {
					new CountDownLatch(1).await();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionalFailureConfiguration {

		@Bean
		@BandService(required = false)
		RecordingService feed(Journal journal) {
			return RecordingService.failingForever("feed", journal, "partner down");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EventsConfiguration {

		final List<BandmasterEvent> events = new CopyOnWriteArrayList<>();

		@Bean
		ApplicationListener<BandmasterEvent> recordingListener() {
			return this.events::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		final List<String> started = new CopyOnWriteArrayList<>();

		@Bean
		MaestroListener recordingMaestroListener() {
			return new MaestroListener() {

				@Override
				public void started(String serviceName, Duration duration, int attempts) {
					ListenerConfiguration.this.started.add(serviceName);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomLifecycleConfiguration {

		@Bean
		BandmasterLifecycle customLifecycle(Maestro maestro, ConfigurableListableBeanFactory beanFactory,
				BandmasterProperties properties, ApplicationEventPublisher publisher) {
			return new BandmasterLifecycle(maestro, beanFactory, properties, publisher, List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMaestroConfiguration {

		@Bean
		Maestro customMaestro() {
			return new Maestro();
		}

	}

}
