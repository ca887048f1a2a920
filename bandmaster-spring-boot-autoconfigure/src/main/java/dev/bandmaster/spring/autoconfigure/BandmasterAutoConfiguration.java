package dev.bandmaster.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.Tuning;
import dev.bandmaster.spring.lifecycle.BandServiceGraphPostProcessor;
import dev.bandmaster.spring.lifecycle.BandmasterLifecycle;
import dev.bandmaster.spring.lifecycle.BandmasterSettings;
import dev.bandmaster.spring.lifecycle.BandmasterSettings.ServiceSettings;
import dev.bandmaster.spring.lifecycle.BandmasterSettings.Supervision;
import dev.bandmaster.spring.lifecycle.ConfiguredValues;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of BandMaster: a {@link Maestro} and
 * the {@link BandmasterLifecycle} that boots every band service with it, with the
 * {@link BandmasterSettings} mapped from the {@link BandmasterProperties}. The maestro
 * reports to the application context's events, to its
 * {@link org.springframework.core.metrics.ApplicationStartup}, and to every
 * {@link MaestroListener} bean. Before any bean is created, a post-processor checks the
 * band services' configuration and graph, and makes the beans each service holds wait for
 * it.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "bandmaster.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BandmasterProperties.class)
public final class BandmasterAutoConfiguration {

	@Bean
	static BandServiceGraphPostProcessor bandmasterServiceGraphPostProcessor() {
		// Runs before any configuration properties bean exists: binds its own.
		return new BandServiceGraphPostProcessor((environment) -> settings(
				Binder.get(environment).bindOrCreate("bandmaster", BandmasterProperties.class)));
	}

	@Bean
	@ConditionalOnMissingBean
	Maestro bandmaster() {
		return new Maestro();
	}

	@Bean
	BandmasterSettings bandmasterSettings(BandmasterProperties properties) {
		return settings(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	BandmasterLifecycle bandmasterLifecycle(Maestro maestro, BandmasterSettings settings,
			ConfigurableListableBeanFactory beanFactory, ApplicationEventPublisher publisher,
			ObjectProvider<MaestroListener> listeners) {
		return new BandmasterLifecycle(maestro, beanFactory, settings, publisher, listeners.orderedStream().toList());
	}

	/**
	 * Maps the properties to the settings BandMaster runs with, checking every value: the
	 * one place both the settings bean and the graph's post-processor get them from.
	 * @param properties the properties
	 * @return the settings
	 * @throws dev.bandmaster.spring.BandmasterConfigurationException naming the key of
	 * the first value out of range
	 */
	static BandmasterSettings settings(BandmasterProperties properties) {
		Map<String, ServiceSettings> services = new LinkedHashMap<>();
		properties.getServices().forEach((key, service) -> services.put(key, serviceSettings(key, service)));
		return new BandmasterSettings(properties.getStartup().getMode(),
				ConfiguredValues.requirePositive("bandmaster.startup.timeout", properties.getStartup().getTimeout()),
				ConfiguredValues.requirePositive("bandmaster.shutdown.timeout", properties.getShutdown().getTimeout()),
				tuning(properties.getDefaults(), "bandmaster.defaults."), services,
				supervision(properties.getDefaults(), "bandmaster.defaults."));
	}

	private static ServiceSettings serviceSettings(String key, BandmasterProperties.ServiceProperties service) {
		// Null checks of our own rather than PropertyMapper's: Spring Boot 4's skips null
		// values by default, Spring Boot 3.5's only when told to (whenNonNull, gone in
		// 4),
		// and this code is compiled for both lines.
		String prefix = "bandmaster.services." + key + ".";
		ServiceSettings settings = ServiceSettings.NONE.withTuning(tuning(service, prefix))
			.withSupervision(supervision(service, prefix));
		Boolean required = service.getRequired();
		if (required != null) {
			settings = settings.withRequired(required);
		}
		List<String> dependsOn = service.getDependsOn();
		if (dependsOn != null) {
			settings = settings.withDependsOn(dependsOn);
		}
		List<String> holds = service.getHolds();
		return (holds != null) ? settings.withHolds(holds) : settings;
	}

	private static Tuning tuning(BandmasterProperties.Tuning tuning, String prefix) {
		return ConfiguredValues.requireValid(tuning.toTuning(), (key) -> prefix + key);
	}

	private static Supervision supervision(BandmasterProperties.Tuning tuning, String prefix) {
		return ConfiguredValues.supervision(tuning.getRestart(), tuning.getCheckInterval(), (key) -> prefix + key);
	}

}
