package dev.bandmaster.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.MaestroListener;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * Observes a maestro's runs, services and attempts, as
 * {@link BandmasterObservationDocumentation} describes them: each run a
 * {@code bandmaster.boot} or {@code bandmaster.shutdown} observation, each service's
 * transition in it a child {@code bandmaster.service.start} or
 * {@code bandmaster.service.stop} observation, begun when the service's turn comes (its
 * dependencies up, or its dependents down), and each attempt a child
 * {@code bandmaster.service.attempt} of that. Errors are recorded masked
 * ({@link MaskedServiceError}). A service skipped because a service next to it is
 * unavailable never began, and has no observation.
 * <p>
 * No observation is made current (put in scope) on the engine's threads: the parents are
 * set explicitly, since a service's callbacks come from several threads.
 * <p>
 * Thread-safe: the open observations are held in concurrent maps by service name, and the
 * engine tells listeners of one service in order; runs of one maestro do not overlap.
 */
public class ObservingMaestroListener implements MaestroListener {

	private final ObservationRegistry registry;

	private final Maestro maestro;

	private final Map<String, Open<ServiceTransitionContext>> transitions = new ConcurrentHashMap<>();

	private final Map<String, Open<ServiceAttemptContext>> attempts = new ConcurrentHashMap<>();

	private volatile @Nullable Open<BandmasterRunContext> run;

	private volatile @Nullable BandmasterRunObservationConvention bootConvention;

	private volatile @Nullable BandmasterRunObservationConvention shutdownConvention;

	private volatile @Nullable ServiceTransitionObservationConvention serviceStartConvention;

	private volatile @Nullable ServiceTransitionObservationConvention serviceStopConvention;

	private volatile @Nullable ServiceAttemptObservationConvention attemptConvention;

	/**
	 * Creates a listener to add to {@code maestro}.
	 * @param registry where to make the observations
	 * @param maestro the maestro it listens to, which tells whether a service is required
	 */
	public ObservingMaestroListener(ObservationRegistry registry, Maestro maestro) {
		this.registry = registry;
		this.maestro = maestro;
	}

	/**
	 * Replaces the convention of {@code bandmaster.boot}, and of every global one.
	 * @param convention the convention, or {@code null} for the global or default one
	 */
	public void setBootConvention(@Nullable BandmasterRunObservationConvention convention) {
		this.bootConvention = convention;
	}

	/**
	 * Replaces the convention of {@code bandmaster.shutdown}, and of every global one.
	 * @param convention the convention, or {@code null} for the global or default one
	 */
	public void setShutdownConvention(@Nullable BandmasterRunObservationConvention convention) {
		this.shutdownConvention = convention;
	}

	/**
	 * Replaces the convention of {@code bandmaster.service.start}, and of every global
	 * one.
	 * @param convention the convention, or {@code null} for the global or default one
	 */
	public void setServiceStartConvention(@Nullable ServiceTransitionObservationConvention convention) {
		this.serviceStartConvention = convention;
	}

	/**
	 * Replaces the convention of {@code bandmaster.service.stop}, and of every global
	 * one.
	 * @param convention the convention, or {@code null} for the global or default one
	 */
	public void setServiceStopConvention(@Nullable ServiceTransitionObservationConvention convention) {
		this.serviceStopConvention = convention;
	}

	/**
	 * Replaces the convention of {@code bandmaster.service.attempt}, and of every global
	 * one.
	 * @param convention the convention, or {@code null} for the global or default one
	 */
	public void setAttemptConvention(@Nullable ServiceAttemptObservationConvention convention) {
		this.attemptConvention = convention;
	}

	@Override
	public void runStarting(ServiceState state, int services) {
		Transition transition = Transition.of(state);
		BandmasterRunContext context = new BandmasterRunContext(transition, services);
		BandmasterObservationDocumentation documentation = (transition == Transition.START)
				? BandmasterObservationDocumentation.BOOT : BandmasterObservationDocumentation.SHUTDOWN;
		BandmasterRunObservationConvention custom = (transition == Transition.START) ? this.bootConvention
				: this.shutdownConvention;
		this.run = new Open<>(documentation
			.observation(custom, DefaultBandmasterRunObservationConvention.of(transition), () -> context, this.registry)
			.start(), context);
	}

	@Override
	public void runFinished(ServiceState state, Duration duration, List<BandmasterException> errors) {
		Open<BandmasterRunContext> open = this.run;
		this.run = null;
		if (open != null) {
			open.context().ended(errors.size());
			open.observation().stop();
		}
	}

	@Override
	public void starting(String serviceName) {
		begin(serviceName, Transition.START);
	}

	@Override
	public void stopping(String serviceName) {
		begin(serviceName, Transition.STOP);
	}

	@Override
	public void attemptStarting(String serviceName, ServiceState state, int attempt) {
		Open<ServiceTransitionContext> parent = this.transitions.get(serviceName);
		if (parent == null) {
			// A cancellation resolved the service first: the attempt is not observed.
			return;
		}
		Transition transition = Transition.of(state);
		parent.context().attempted(attempt);
		ServiceAttemptContext context = new ServiceAttemptContext(serviceName, transition, attempt);
		Observation observation = BandmasterObservationDocumentation.SERVICE_ATTEMPT
			.observation(this.attemptConvention, DefaultServiceAttemptObservationConvention.INSTANCE, () -> context,
					this.registry)
			.parentObservation(parent.observation())
			.start();
		this.attempts.put(serviceName, new Open<>(observation, context));
	}

	@Override
	public void retryScheduled(String serviceName, ServiceState transition, int attempt, Duration delay,
			Throwable error) {
		endAttempt(serviceName, error);
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		endAttempt(serviceName, null);
		end(serviceName, null);
	}

	@Override
	public void startFailed(BandmasterException failure) {
		failed(failure);
	}

	@Override
	public void stopped(String serviceName, Duration duration) {
		endAttempt(serviceName, null);
		end(serviceName, null);
	}

	@Override
	public void stopFailed(BandmasterException failure) {
		failed(failure);
	}

	private void begin(String serviceName, Transition transition) {
		ServiceSnapshot snapshot = this.maestro.snapshot(serviceName);
		boolean required = snapshot == null || snapshot.required();
		ServiceTransitionContext context = new ServiceTransitionContext(serviceName, required, transition);
		BandmasterObservationDocumentation documentation = (transition == Transition.START)
				? BandmasterObservationDocumentation.SERVICE_START : BandmasterObservationDocumentation.SERVICE_STOP;
		ServiceTransitionObservationConvention custom = (transition == Transition.START) ? this.serviceStartConvention
				: this.serviceStopConvention;
		Observation observation = documentation
			.observation(custom, DefaultServiceTransitionObservationConvention.of(transition), () -> context,
					this.registry)
			.parentObservation(observationOf(this.run))
			.start();
		this.transitions.put(serviceName, new Open<>(observation, context));
	}

	private void failed(BandmasterException failure) {
		// The service's own error, not the engine's wrapper, whose message says it again.
		Throwable error = (failure.getCause() != null) ? failure.getCause() : failure;
		endAttempt(failure.serviceName(), error);
		end(failure.serviceName(), error);
	}

	private void endAttempt(String serviceName, @Nullable Throwable error) {
		Open<ServiceAttemptContext> open = this.attempts.remove(serviceName);
		if (open != null) {
			open.context().ended(ServiceError.of(error));
			stop(open.observation(), error);
		}
	}

	private void end(String serviceName, @Nullable Throwable error) {
		Open<ServiceTransitionContext> open = this.transitions.remove(serviceName);
		if (open != null) {
			open.context().ended(ServiceError.of(error));
			stop(open.observation(), error);
		}
	}

	private static @Nullable Observation observationOf(@Nullable Open<?> open) {
		return (open != null) ? open.observation() : null;
	}

	private static void stop(Observation observation, @Nullable Throwable error) {
		if (error != null) {
			observation.error(new MaskedServiceError(error));
		}
		observation.stop();
	}

	/**
	 * An observation under way and its context, kept apart: a disabled observation is a
	 * no-op whose context is not the one given.
	 */
	private record Open<C extends Observation.Context>(Observation observation, C context) {

	}

}
