package dev.bandmaster.spring.lifecycle;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import dev.bandmaster.spring.BandService;

/**
 * What one scan of the bean definitions read of each of them, so that a later scan of the
 * same bean factory reads again only the definitions that may answer differently: the
 * {@link BandServiceGraphPostProcessor} scans every definition before any bean is
 * created, and the {@link BandmasterLifecycle} scans them again once the beans exist (on
 * a context of 10,000 beans, each scan costs about as much as creating a tenth of them).
 * The post-processor registers its scan as a singleton of the bean factory; under AOT it
 * does not run, and nothing is reused.
 * <p>
 * An entry is reused only when its answer cannot have changed: the bean definition of
 * that name is the same object, with the same bean class and factory method, and either
 * the bean exists and is of the very type the scan saw (so that the annotation is looked
 * up on the same class; a {@code FactoryBean}, a proxy or a {@code @Bean} method whose
 * declared type is not its product's type fails this and is read again), or it does not
 * exist and the later scan, too, initializes no {@code FactoryBean}. A definition
 * registered or replaced since is read, whatever the scan recorded.
 * <p>
 * Thread-safe: immutable but for {@link #release()}, which only drops the entries.
 */
final class BeanDefinitionScan {

	/** The name of the singleton the post-processor registers its scan under. */
	static final String BEAN_NAME = "bandmasterBeanDefinitionScan";

	private volatile Map<String, Entry> entries;

	/**
	 * Creates a scan.
	 * @param entries what the scan read of each bean definition, by bean name; not
	 * changed afterwards
	 */
	BeanDefinitionScan(Map<String, Entry> entries) {
		this.entries = Collections.unmodifiableMap(entries);
	}

	/**
	 * Returns the scan the post-processor registered in a bean factory.
	 * @param beanFactory the bean factory
	 * @return the scan, or {@code null} if none was registered
	 */
	static @Nullable BeanDefinitionScan registeredIn(ConfigurableListableBeanFactory beanFactory) {
		return (beanFactory.containsSingleton(BEAN_NAME)
				&& beanFactory.getSingleton(BEAN_NAME) instanceof BeanDefinitionScan scan) ? scan : null;
	}

	/**
	 * Registers this scan in a bean factory, for the later scans of its definitions.
	 * @param beanFactory the bean factory whose definitions it read
	 */
	void registerIn(ConfigurableListableBeanFactory beanFactory) {
		beanFactory.registerSingleton(BEAN_NAME, this);
	}

	/**
	 * Returns what this scan read of a bean definition, if a scan made now would read the
	 * same.
	 * @param beanName the name of the bean
	 * @param definition its bean definition now
	 * @param bean the bean, if it exists already
	 * @param allowFactoryBeanInit whether the scan made now may initialize a
	 * {@code FactoryBean} to learn its product's type
	 * @return the entry, or {@code null} if the definition must be read again
	 */
	@Nullable Entry reusable(String beanName, BeanDefinition definition, @Nullable Object bean, boolean allowFactoryBeanInit) {
		Entry entry = this.entries.get(beanName);
		if (entry == null || entry.definition() != definition
				|| !Objects.equals(entry.beanClassName(), definition.getBeanClassName())
				|| !Objects.equals(entry.factoryMethodName(), definition.getFactoryMethodName())) {
			return null;
		}
		if (bean != null) {
			return (bean.getClass() == entry.type()) ? entry : null;
		}
		return allowFactoryBeanInit ? null : entry;
	}

	/**
	 * Drops the entries, once no later scan is to come.
	 */
	void release() {
		this.entries = Map.of();
	}

	/**
	 * What a scan read of one bean definition.
	 *
	 * @param definition the bean definition
	 * @param beanClassName its bean class name then
	 * @param factoryMethodName its factory method name then
	 * @param type the bean's type as the scan saw it, or {@code null} if it could not
	 * tell
	 * @param annotation its {@link BandService} annotation, or {@code null} if it has
	 * none
	 */
	record Entry(BeanDefinition definition, @Nullable String beanClassName, @Nullable String factoryMethodName,
			@Nullable Class<?> type, @Nullable BandService annotation) {

	}

}
