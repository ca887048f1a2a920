package dev.bandmaster.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code bandmaster.service.start} and {@code bandmaster.service.stop}
 * observations; implement it, or
 * {@link io.micrometer.observation.GlobalObservationConvention} of
 * {@link ServiceTransitionContext}, to replace
 * {@link DefaultServiceTransitionObservationConvention}.
 */
public interface ServiceTransitionObservationConvention extends ObservationConvention<ServiceTransitionContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ServiceTransitionContext;
	}

}
