package dev.bandmaster.spring.availability;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;

/**
 * An {@link ApplicationAvailabilityBean} whose readiness is
 * {@link ReadinessState#REFUSING_TRAFFIC} while a required band service is not running,
 * whatever readiness was last published: until the required services have first come up
 * after the boot, and then, unless told otherwise
 * ({@code bandmaster.supervision.readiness
 * =false}), whenever one of them has failed or is being restarted.
 * <p>
 * Spring Boot publishes {@link ReadinessState#ACCEPTING_TRAFFIC} once the application is
 * ready; when the band services boot in the background they may not be up by then, so
 * publishing {@code REFUSING_TRAFFIC} once would not be enough. Reading the services'
 * state at each query keeps readiness (and so {@code /actuator/health/readiness})
 * refusing until every required service is up. After the boot, each change of that rule
 * is also published as an {@link AvailabilityChangeEvent} (by
 * {@link ReadinessChangePublisher}), so that Spring Boot logs it and the application's
 * listeners hear of it: {@code REFUSING_TRAFFIC} when a required service goes down while
 * the application accepts traffic, and {@code ACCEPTING_TRAFFIC} once every required
 * service is back, only if that refusal is still the last readiness published (a refusal
 * published by anyone else, such as the web server's graceful shutdown, is left alone).
 * Every other state is the one last published.
 * <p>
 * Thread-safe.
 */
public class BandmasterApplicationAvailability extends ApplicationAvailabilityBean {

	private static final Log logger = LogFactory.getLog(BandmasterApplicationAvailability.class);

	private final Object monitor = new Object();

	private final ObjectProvider<Maestro> maestro;

	private final boolean followsServicesAfterBoot;

	/** Whether the latest boot has completed, and the application not closed since. */
	private volatile boolean booted;

	/** Whether every required service has been up since the first boot completed. */
	private volatile boolean cameUp;

	/**
	 * Guarded by {@link #monitor}: the refusal this published, while it is the last
	 * readiness change.
	 */
	private @Nullable AvailabilityChangeEvent<ReadinessState> refusal;

	/**
	 * Creates an availability that follows the required services after the boot too.
	 * @param maestro the maestro whose required services gate readiness, looked up at
	 * each query since this bean is created early, as an application listener
	 */
	public BandmasterApplicationAvailability(ObjectProvider<Maestro> maestro) {
		this(maestro, true);
	}

	/**
	 * Creates an availability.
	 * @param maestro the maestro whose required services gate readiness, looked up at
	 * each query since this bean is created early, as an application listener
	 * @param followsServicesAfterBoot whether readiness refuses traffic while a required
	 * service is down after they have first come up
	 * ({@code bandmaster.supervision.readiness})
	 */
	public BandmasterApplicationAvailability(ObjectProvider<Maestro> maestro, boolean followsServicesAfterBoot) {
		this.maestro = maestro;
		this.followsServicesAfterBoot = followsServicesAfterBoot;
	}

	@Override
	public <S extends AvailabilityState> @Nullable S getState(Class<S> stateType) {
		S state = super.getState(stateType);
		if (stateType == ReadinessState.class && refusesTraffic()) {
			return stateType.cast(ReadinessState.REFUSING_TRAFFIC);
		}
		return state;
	}

	/**
	 * The one rule of readiness, for queries and published changes alike: refuse while a
	 * required service is not running, before the required services have first come up
	 * after the boot, and after that if readiness follows the services.
	 */
	private boolean refusesTraffic() {
		return (this.followsServicesAfterBoot || !this.cameUp) && !requiredServicesUp();
	}

	private boolean requiredServicesUp() {
		Maestro maestro = this.maestro.getIfAvailable();
		return maestro == null || maestro.services()
			.stream()
			.allMatch((service) -> !service.required() || service.state() == ServiceState.STARTED);
	}

	private List<String> requiredServicesDown() {
		Maestro maestro = this.maestro.getIfAvailable();
		return (maestro != null) ? maestro.services()
			.stream()
			.filter((service) -> service.required() && service.state() != ServiceState.STARTED)
			.map((service) -> service.name())
			.toList() : List.of();
	}

	/**
	 * The boot has completed: from now on, each change of readiness is published.
	 * @param publisher where to publish it
	 */
	void bootCompleted(ApplicationEventPublisher publisher) {
		this.booted = true;
		servicesChanged(publisher);
	}

	/**
	 * The application is closing: its shutdown stops the services, which is no change of
	 * readiness to publish.
	 */
	void closing() {
		this.booted = false;
	}

	/**
	 * A service has changed state: publishes the change of readiness it makes, if any,
	 * once the boot has completed.
	 * @param publisher where to publish it
	 */
	void servicesChanged(ApplicationEventPublisher publisher) {
		if (!this.booted) {
			return;
		}
		synchronized (this.monitor) {
			boolean up = requiredServicesUp();
			if (up) {
				this.cameUp = true;
			}
			AvailabilityChangeEvent<ReadinessState> last = getLastChangeEvent(ReadinessState.class);
			if (!up && refusesTraffic() && last != null && last.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
				this.refusal = new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC);
				logger.info("Readiness: refusing traffic while required band services are not running: "
						+ requiredServicesDown());
				publisher.publishEvent(this.refusal);
			}
			else if (up && last != null && last == this.refusal) {
				this.refusal = null;
				logger.info("Readiness: accepting traffic again, every required band service is running");
				publisher.publishEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
			}
		}
	}

}
