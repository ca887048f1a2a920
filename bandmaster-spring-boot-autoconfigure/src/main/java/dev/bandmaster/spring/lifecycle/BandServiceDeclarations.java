package dev.bandmaster.spring.lifecycle;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;

/**
 * Declares, on the bean definition of a
 * {@link dev.bandmaster.spring.BandServiceRegistration}, the service it registers, so
 * that the service is known before any bean is created: its configuration is checked, and
 * the beans it holds are made to wait for it, from the start. The gates' registrations
 * are declared so. For BandMaster's auto-configurations: not an API of its own.
 */
public final class BandServiceDeclarations {

	private static final String SERVICE_NAME_ATTRIBUTE = BandServiceDeclarations.class.getName() + ".serviceName";

	private static final String HELD_BEANS_ATTRIBUTE = BandServiceDeclarations.class.getName() + ".heldBeans";

	private BandServiceDeclarations() {
	}

	/**
	 * Declares the service a registration's bean definition registers.
	 * @param definition the bean definition of the registration
	 * @param serviceName the name of the service it registers
	 * @param heldBeans finds the beans the service holds by default
	 */
	public static void declare(BeanDefinition definition, String serviceName, HeldBeansDetector heldBeans) {
		definition.setAttribute(SERVICE_NAME_ATTRIBUTE, serviceName);
		definition.setAttribute(HELD_BEANS_ATTRIBUTE, heldBeans);
	}

	static @Nullable String serviceName(BeanDefinition definition) {
		return (definition.getAttribute(SERVICE_NAME_ATTRIBUTE) instanceof String name) ? name : null;
	}

	/**
	 * Returns whether a bean definition attribute is the service's name, the one
	 * declaration a context that AOT generated needs.
	 */
	static boolean isServiceNameAttribute(String attributeName) {
		return SERVICE_NAME_ATTRIBUTE.equals(attributeName);
	}

	static HeldBeansDetector heldBeans(BeanDefinition definition) {
		return (definition.getAttribute(HELD_BEANS_ATTRIBUTE) instanceof HeldBeansDetector detector) ? detector
				: HeldBeansDetector.NONE;
	}

}
