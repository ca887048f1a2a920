package dev.bandmaster.spring.autoconfigure.gate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.bandmaster.Service;
import dev.bandmaster.spring.autoconfigure.BandServiceDeclarations;
import dev.bandmaster.spring.autoconfigure.HeldBeansDetector;
import dev.bandmaster.spring.BandServiceRegistration;

/**
 * Registers one {@link BandServiceRegistration} bean per gate, once every bean definition
 * is known: one per bean of a client type (each {@code DataSource}, say) or one per
 * configured endpoint. Runs as a bean definition registry post-processor because the
 * number of gates depends on the application's other beans; the gates themselves are
 * created lazily, with the registrations, when the band services are collected.
 */
final class GateRegistrar implements BeanDefinitionRegistryPostProcessor {

	private static final String BEAN_NAME_PREFIX = "bandmasterGate.";

	private final Function<BeanDefinitionRegistry, Map<String, Supplier<Service>>> gates;

	private final HeldBeansDetector heldBeans;

	private GateRegistrar(Function<BeanDefinitionRegistry, Map<String, Supplier<Service>>> gates) {
		this(gates, HeldBeansDetector.NONE);
	}

	private GateRegistrar(Function<BeanDefinitionRegistry, Map<String, Supplier<Service>>> gates,
			HeldBeansDetector heldBeans) {
		this.gates = gates;
		this.heldBeans = heldBeans;
	}

	/**
	 * Returns this registrar with its gates holding, by default, the beans a detector
	 * finds.
	 */
	GateRegistrar holding(HeldBeansDetector heldBeans) {
		return new GateRegistrar(this.gates, heldBeans);
	}

	/**
	 * Returns a registrar of one gate per bean of {@code type}, named {@code name} when
	 * there is one such bean, and {@code name-beanName} for each of several.
	 */
	static <T> GateRegistrar perBean(Class<T> type, String name, BiFunction<T, String, Service> gate) {
		return new GateRegistrar((registry) -> {
			ListableBeanFactory beanFactory = (ListableBeanFactory) registry;
			String[] beanNames = beanFactory.getBeanNamesForType(type, true, false);
			Map<String, Supplier<Service>> gates = new LinkedHashMap<>();
			for (String beanName : beanNames) {
				String gateName = (beanNames.length == 1) ? name : name + "-" + beanName;
				gates.put(gateName, () -> gate.apply(beanFactory.getBean(beanName, type), beanName));
			}
			return gates;
		});
	}

	/**
	 * Returns a registrar of one gate per configured endpoint, named after its key.
	 */
	static <E> GateRegistrar perEndpoint(Map<String, E> endpoints, BiFunction<String, E, Service> gate) {
		return new GateRegistrar((registry) -> {
			Map<String, Supplier<Service>> gates = new LinkedHashMap<>();
			// Each gate is built at once so that a misconfigured endpoint fails the
			// startup before any bean is created.
			endpoints.forEach((name, endpoint) -> {
				Service service = gate.apply(name, endpoint);
				gates.put(name, () -> service);
			});
			return gates;
		});
	}

	/**
	 * Returns a registrar of one gate per entry, named after its key, each made from the
	 * application's beans when its registration is created: for gates that are not one
	 * per bean but need what the beans hold, such as the health contributors.
	 */
	static <E> GateRegistrar perEntryOfBeans(Map<String, E> entries, BiFunction<ListableBeanFactory, E, Service> gate) {
		return new GateRegistrar((registry) -> {
			ListableBeanFactory beanFactory = (ListableBeanFactory) registry;
			Map<String, Supplier<Service>> gates = new LinkedHashMap<>();
			entries.forEach((name, entry) -> gates.put(name, () -> gate.apply(beanFactory, entry)));
			return gates;
		});
	}

	/**
	 * Binds the gates' properties early: post-processors are created before configuration
	 * properties beans.
	 */
	static BandmasterGatesProperties properties(Environment environment) {
		return Binder.get(environment).bindOrCreate("bandmaster.gates", BandmasterGatesProperties.class);
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		this.gates.apply(registry).forEach((name, gate) -> {
			RootBeanDefinition definition = new RootBeanDefinition(BandServiceRegistration.class,
					() -> BandServiceRegistration.of(name, gate.get()));
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
