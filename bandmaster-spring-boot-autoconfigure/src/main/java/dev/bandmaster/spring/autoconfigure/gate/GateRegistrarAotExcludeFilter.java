package dev.bandmaster.spring.autoconfigure.gate;

import org.springframework.beans.factory.aot.BeanRegistrationExcludeFilter;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Leaves the {@link GateRegistrar} beans out of the context that Spring AOT generates:
 * they ran while the application was processed, and the gates' bean definitions they
 * registered are generated with the others; run again, they would register those
 * definitions a second time. Registered in {@code META-INF/spring/aot.factories}; used at
 * build time only. Stateless, hence thread-safe.
 */
final class GateRegistrarAotExcludeFilter implements BeanRegistrationExcludeFilter {

	@Override
	public boolean isExcludedFromAotProcessing(RegisteredBean registeredBean) {
		return GateRegistrar.class.isAssignableFrom(registeredBean.getBeanClass());
	}

}
