package dev.bandmaster.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code bandmaster.boot} and {@code bandmaster.shutdown}
 * observations; implement it, or
 * {@link io.micrometer.observation.GlobalObservationConvention} of
 * {@link BandmasterRunContext}, to replace
 * {@link DefaultBandmasterRunObservationConvention}.
 */
public interface BandmasterRunObservationConvention extends ObservationConvention<BandmasterRunContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof BandmasterRunContext;
	}

}
