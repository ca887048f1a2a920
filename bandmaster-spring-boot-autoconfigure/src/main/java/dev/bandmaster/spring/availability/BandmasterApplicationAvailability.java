package dev.bandmaster.spring.availability;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;

/**
 * An {@link ApplicationAvailabilityBean} whose readiness is
 * {@link ReadinessState#REFUSING_TRAFFIC} whenever a required band service is not
 * running, whatever readiness was last published.
 * <p>
 * Spring Boot publishes {@link ReadinessState#ACCEPTING_TRAFFIC} once the application is
 * ready; when the band services boot in the background they may not be up by then, so
 * publishing {@code REFUSING_TRAFFIC} once would not be enough. Reading the services'
 * state at each query keeps readiness (and so {@code /actuator/health/readiness})
 * refusing until every required service is up, and again if one of them stops or fails.
 * Every other state, and readiness once the services are up, is the one last published.
 * <p>
 * Thread-safe.
 */
public class BandmasterApplicationAvailability extends ApplicationAvailabilityBean {

	private final ObjectProvider<Maestro> maestro;

	/**
	 * Creates an availability.
	 * @param maestro the maestro whose required services gate readiness, looked up at
	 * each query since this bean is created early, as an application listener
	 */
	public BandmasterApplicationAvailability(ObjectProvider<Maestro> maestro) {
		this.maestro = maestro;
	}

	@Override
	public <S extends AvailabilityState> @Nullable S getState(Class<S> stateType) {
		S state = super.getState(stateType);
		if (stateType == ReadinessState.class && !requiredServicesUp()) {
			return stateType.cast(ReadinessState.REFUSING_TRAFFIC);
		}
		return state;
	}

	private boolean requiredServicesUp() {
		Maestro maestro = this.maestro.getIfAvailable();
		return maestro == null || maestro.services()
			.stream()
			.allMatch((service) -> !service.required() || service.state() == ServiceState.STARTED);
	}

}
