package dev.bandmaster.spring.observation;

import io.micrometer.common.KeyValues;

import dev.bandmaster.spring.diagnostics.ServiceError;
import dev.bandmaster.spring.observation.BandmasterObservationDocumentation.ServiceKeyNames;

/**
 * The default convention of the {@code bandmaster.service.start} ({@link #START}) and
 * {@code bandmaster.service.stop} ({@link #STOP}) observations, contextual names
 * {@code start <service>} and {@code stop <service>}. Immutable; extend it to keep its
 * tags and add others.
 */
public class DefaultServiceTransitionObservationConvention implements ServiceTransitionObservationConvention {

	/** The convention of {@code bandmaster.service.start}. */
	public static final DefaultServiceTransitionObservationConvention START = new DefaultServiceTransitionObservationConvention(
			Transition.START);

	/** The convention of {@code bandmaster.service.stop}. */
	public static final DefaultServiceTransitionObservationConvention STOP = new DefaultServiceTransitionObservationConvention(
			Transition.STOP);

	private final Transition transition;

	/**
	 * Creates the convention of the transitions going one way.
	 * @param transition {@link Transition#START} or {@link Transition#STOP}
	 */
	protected DefaultServiceTransitionObservationConvention(Transition transition) {
		this.transition = transition;
	}

	static DefaultServiceTransitionObservationConvention of(Transition transition) {
		return (transition == Transition.START) ? START : STOP;
	}

	@Override
	public String getName() {
		return "bandmaster.service." + this.transition.value();
	}

	@Override
	public String getContextualName(ServiceTransitionContext context) {
		return context.getTransition().value() + " " + context.getServiceName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ServiceTransitionContext context) {
		return KeyValues.of(ServiceKeyNames.SERVICE.withValue(context.getServiceName()),
				ServiceKeyNames.OUTCOME.withValue(context.getOutcome().value()),
				ServiceKeyNames.REQUIRED.withValue(String.valueOf(context.isRequired())));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ServiceTransitionContext context) {
		KeyValues values = KeyValues.of(ServiceKeyNames.ATTEMPTS.withValue(String.valueOf(context.getAttempts())));
		ServiceError failure = context.getFailure();
		return (failure != null) ? values.and(ServiceKeyNames.ERROR.withValue(failure.toString())) : values;
	}

}
