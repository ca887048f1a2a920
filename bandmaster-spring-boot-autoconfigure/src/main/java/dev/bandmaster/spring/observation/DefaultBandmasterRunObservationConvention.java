package dev.bandmaster.spring.observation;

import io.micrometer.common.KeyValues;

import dev.bandmaster.spring.observation.BandmasterObservationDocumentation.RunKeyNames;

/**
 * The default convention of the {@code bandmaster.boot} ({@link #BOOT}) and
 * {@code bandmaster.shutdown} ({@link #SHUTDOWN}) observations, contextual names
 * {@code bandmaster boot} and {@code bandmaster shutdown}. Immutable; extend it to keep
 * its tags and add others.
 */
public class DefaultBandmasterRunObservationConvention implements BandmasterRunObservationConvention {

	/** The convention of {@code bandmaster.boot}. */
	public static final DefaultBandmasterRunObservationConvention BOOT = new DefaultBandmasterRunObservationConvention(
			Transition.START);

	/** The convention of {@code bandmaster.shutdown}. */
	public static final DefaultBandmasterRunObservationConvention SHUTDOWN = new DefaultBandmasterRunObservationConvention(
			Transition.STOP);

	private final Transition transition;

	/**
	 * Creates the convention of the runs going one way.
	 * @param transition {@link Transition#START} for the boot, {@link Transition#STOP}
	 * for the shutdown
	 */
	protected DefaultBandmasterRunObservationConvention(Transition transition) {
		this.transition = transition;
	}

	static DefaultBandmasterRunObservationConvention of(Transition transition) {
		return (transition == Transition.START) ? BOOT : SHUTDOWN;
	}

	@Override
	public String getName() {
		return (this.transition == Transition.START) ? "bandmaster.boot" : "bandmaster.shutdown";
	}

	@Override
	public String getContextualName(BandmasterRunContext context) {
		return (context.getTransition() == Transition.START) ? "bandmaster boot" : "bandmaster shutdown";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(BandmasterRunContext context) {
		return KeyValues.of(RunKeyNames.OUTCOME.withValue(context.getOutcome().value()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(BandmasterRunContext context) {
		return KeyValues.of(RunKeyNames.SERVICES.withValue(String.valueOf(context.getServices())),
				RunKeyNames.FAILURES.withValue(String.valueOf(context.getFailures())));
	}

}
