package dev.bandmaster.spring.autoconfigure.gate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.lifecycle.BandServiceDeclarations;
import dev.bandmaster.spring.lifecycle.HeldBeansDetector;

/**
 * Registers one {@link BandServiceRegistration} bean definition per gate, once every bean
 * definition is known: one per bean of a client type (each {@code DataSource}, say) or
 * one per configured entry (an endpoint, a health contributor). Runs as a bean definition
 * registry post-processor because the number of gates depends on the application's other
 * beans.
 * <p>
 * Each definition names a static factory method of a gate's auto-configuration, called
 * with the gate's name and what it checks (a bean name, an endpoint's key, a
 * contributor's path) and, autowired, whatever else the method declares
 * ({@code Environment}, {@code ListableBeanFactory}): a plain definition, so that Spring
 * AOT generates it like any other and the generated context needs no registrar
 * ({@link GateRegistrarAotExcludeFilter}). The gates themselves are created lazily, with
 * the registrations, when the band services are collected.
 */
final class GateRegistrar implements BeanDefinitionRegistryPostProcessor {

	private static final String BEAN_NAME_PREFIX = "bandmasterGate.";

	private final Class<?> factoryClass;

	private final String factoryMethodName;

	private final Function<ListableBeanFactory, Map<String, String>> gates;

	private final HeldBeansDetector heldBeans;

	private GateRegistrar(Class<?> factoryClass, String factoryMethodName,
			Function<ListableBeanFactory, Map<String, String>> gates, HeldBeansDetector heldBeans) {
		this.factoryClass = factoryClass;
		this.factoryMethodName = factoryMethodName;
		this.gates = gates;
		this.heldBeans = heldBeans;
	}

	/**
	 * Returns this registrar with its gates holding, by default, the beans a detector
	 * finds.
	 */
	GateRegistrar holding(HeldBeansDetector heldBeans) {
		return new GateRegistrar(this.factoryClass, this.factoryMethodName, this.gates, heldBeans);
	}

	/**
	 * Returns a registrar of one gate per bean of {@code type}, named {@code name} when
	 * there is one such bean, and {@code name-beanName} for each of several; each made by
	 * {@code factoryClass.factoryMethodName(gateName, beanName, ...)}.
	 */
	static GateRegistrar perBean(Class<?> type, String name, Class<?> factoryClass, String factoryMethodName) {
		return new GateRegistrar(factoryClass, factoryMethodName, (beanFactory) -> {
			String[] beanNames = beanFactory.getBeanNamesForType(type, true, false);
			Map<String, String> gates = new LinkedHashMap<>();
			for (String beanName : beanNames) {
				gates.put((beanNames.length == 1) ? name : name + "-" + beanName, beanName);
			}
			return gates;
		}, HeldBeansDetector.NONE);
	}

	/**
	 * Returns a registrar of one gate per entry, the key its name and the value what it
	 * checks, each made by {@code factoryClass.factoryMethodName(gateName, value, ...)}.
	 * The entries are asked for when the definitions are registered, before any bean is
	 * created: a {@link dev.bandmaster.spring.BandmasterConfigurationException} thrown
	 * then fails the startup as it is.
	 */
	static GateRegistrar perEntry(Supplier<Map<String, String>> entries, Class<?> factoryClass,
			String factoryMethodName) {
		return new GateRegistrar(factoryClass, factoryMethodName, (beanFactory) -> entries.get(),
				HeldBeansDetector.NONE);
	}

	/**
	 * Returns a registrar of one gate per configured endpoint, named after its key, each
	 * made by {@code factoryClass.factoryMethodName(name, name, ...)}. Each endpoint is
	 * checked first, when the definitions are registered, so that a misconfigured one
	 * fails the startup before any bean is created.
	 */
	static <E> GateRegistrar perEndpoint(Supplier<Map<String, E>> endpoints, BiConsumer<String, E> check,
			Class<?> factoryClass, String factoryMethodName) {
		return perEntry(() -> {
			Map<String, String> gates = new LinkedHashMap<>();
			endpoints.get().forEach((name, endpoint) -> {
				check.accept(name, endpoint);
				gates.put(name, name);
			});
			return gates;
		}, factoryClass, factoryMethodName);
	}

	/**
	 * Binds the gates' properties from the environment: early, since post-processors are
	 * created before configuration properties beans, and again in the factory methods,
	 * which run in a context that AOT generated as in any other.
	 */
	static BandmasterGatesProperties properties(Environment environment) {
		return Binder.get(environment).bindOrCreate("bandmaster.gates", BandmasterGatesProperties.class);
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		this.gates.apply((ListableBeanFactory) registry).forEach((name, target) -> {
			RootBeanDefinition definition = new RootBeanDefinition(this.factoryClass);
			definition.setUniqueFactoryMethodName(this.factoryMethodName);
			definition.setTargetType(BandServiceRegistration.class);
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.getConstructorArgumentValues().addIndexedArgumentValue(1, target);
			definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
			// Known before the registration is created, so that its configuration and
			// the beans it holds are worked out before any bean is created.
			BandServiceDeclarations.declare(definition, name, this.heldBeans);
			registry.registerBeanDefinition(BEAN_NAME_PREFIX + name, definition);
		});
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

}
