package dev.bandmaster.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code bandmaster.service.attempt} observation; implement it, or
 * {@link io.micrometer.observation.GlobalObservationConvention} of
 * {@link ServiceAttemptContext}, to replace
 * {@link DefaultServiceAttemptObservationConvention}.
 */
public interface ServiceAttemptObservationConvention extends ObservationConvention<ServiceAttemptContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ServiceAttemptContext;
	}

}
