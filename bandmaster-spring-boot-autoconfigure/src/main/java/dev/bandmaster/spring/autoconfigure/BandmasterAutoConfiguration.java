package dev.bandmaster.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of BandMaster: a {@link Maestro} and
 * the {@link BandmasterLifecycle} that boots every band service with it. The maestro
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
	static BandServiceGraphPostProcessor bandmasterServiceGraphPostProcessor(Environment environment) {
		return new BandServiceGraphPostProcessor(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	Maestro bandmaster() {
		return new Maestro();
	}

	@Bean
	@ConditionalOnMissingBean
	BandmasterLifecycle bandmasterLifecycle(Maestro maestro, BandmasterProperties properties,
			ConfigurableListableBeanFactory beanFactory, ApplicationEventPublisher publisher,
			ObjectProvider<MaestroListener> listeners) {
		return new BandmasterLifecycle(maestro, beanFactory, properties, publisher, listeners.orderedStream().toList());
	}

}
