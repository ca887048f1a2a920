package dev.bandmaster.spring.lifecycle;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;

/**
 * The bean that the beans a band service holds depend on: creating it starts that
 * service, and every service it depends on, through the {@link BandmasterLifecycle}, so
 * that the held beans are created only once the service is up. It fails, and with it the
 * creation of the held beans, when the service does not start. Registered by
 * {@link BandServiceGraphPostProcessor}, lazily: nothing starts ahead unless a held bean
 * is created.
 */
final class ServiceHold implements InitializingBean {

	/** The prefix of the name of the hold of each service. */
	static final String BEAN_NAME_PREFIX = "bandmasterHold.";

	private final String serviceName;

	private final List<String> heldBeans;

	private final BandmasterLifecycle lifecycle;

	ServiceHold(String serviceName, List<String> heldBeans, BandmasterLifecycle lifecycle) {
		this.serviceName = serviceName;
		this.heldBeans = List.copyOf(heldBeans);
		this.lifecycle = lifecycle;
	}

	@Override
	public void afterPropertiesSet() {
		this.lifecycle.startAhead(this.serviceName, this.heldBeans);
	}

	@Override
	public String toString() {
		return "ServiceHold[" + this.serviceName + " holds " + this.heldBeans + "]";
	}

}
