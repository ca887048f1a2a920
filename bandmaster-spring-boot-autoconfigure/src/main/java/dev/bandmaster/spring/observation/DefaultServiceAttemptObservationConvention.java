package dev.bandmaster.spring.observation;

import io.micrometer.common.KeyValues;

import dev.bandmaster.spring.diagnostics.ServiceError;
import dev.bandmaster.spring.observation.BandmasterObservationDocumentation.AttemptKeyNames;

/**
 * The default convention of the {@code bandmaster.service.attempt} observation,
 * contextual name {@code start <service> #<attempt>} (or {@code stop}). Immutable; extend
 * it to keep its tags and add others.
 */
public class DefaultServiceAttemptObservationConvention implements ServiceAttemptObservationConvention {

	/** The convention. */
	public static final DefaultServiceAttemptObservationConvention INSTANCE = new DefaultServiceAttemptObservationConvention();

	@Override
	public String getName() {
		return "bandmaster.service.attempt";
	}

	@Override
	public String getContextualName(ServiceAttemptContext context) {
		return context.getTransition().value() + " " + context.getServiceName() + " #" + context.getAttempt();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ServiceAttemptContext context) {
		return KeyValues.of(AttemptKeyNames.SERVICE.withValue(context.getServiceName()),
				AttemptKeyNames.TRANSITION.withValue(context.getTransition().value()),
				AttemptKeyNames.OUTCOME.withValue(context.getOutcome().value()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ServiceAttemptContext context) {
		KeyValues values = KeyValues.of(AttemptKeyNames.ATTEMPT.withValue(String.valueOf(context.getAttempt())));
		ServiceError failure = context.getFailure();
		return (failure != null) ? values.and(AttemptKeyNames.ERROR.withValue(failure.toString())) : values;
	}

}
