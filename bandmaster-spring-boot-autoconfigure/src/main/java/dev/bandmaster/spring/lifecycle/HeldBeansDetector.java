package dev.bandmaster.spring.lifecycle;

import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds, from the bean definitions, the beans that a band service holds by default: they
 * are not created until it has started. The datasource gate's finds the beans that
 * initialize a database or depend on its initialization, as Spring Boot's detectors name
 * them. For BandMaster's auto-configurations: not an API of its own.
 */
@FunctionalInterface
public interface HeldBeansDetector {

	/**
	 * Holds nothing.
	 */
	HeldBeansDetector NONE = (beanFactory) -> Set.of();

	/**
	 * Finds the beans, creating none.
	 * @param beanFactory the bean factory, its definitions complete
	 * @return the names of the beans to hold
	 */
	Set<String> detect(ConfigurableListableBeanFactory beanFactory);

}
