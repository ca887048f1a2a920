package dev.bandmaster.benchmarks.contender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.common.util.concurrent.AbstractIdleService;
import com.google.common.util.concurrent.ServiceManager;

import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * Guava's {@link ServiceManager}: starts every service at once, each
 * {@link AbstractIdleService} on a thread of its own. It has no notion of dependencies,
 * so it only runs workloads without any.
 */
public final class GuavaContender implements Contender {

	private final Duration timeout;

	/**
	 * Creates the contender.
	 * @param timeout how long one start or stop may take before the run is declared
	 * failed
	 */
	public GuavaContender(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "guava-service-manager";
	}

	@Override
	public Optional<String> skipReason(Workload workload) {
		return workload.hasDependencies() ? Optional.of("ServiceManager cannot order dependencies") : Optional.empty();
	}

	@Override
	public Deployment deploy(Workload workload) {
		List<SleepingService> services = new ArrayList<>(workload.size());
		for (ServiceSpec spec : workload.services()) {
			services.add(new SleepingService(spec.name(), spec.startMillis()));
		}
		ServiceManager manager = new ServiceManager(services);
		return new Deployment() {

			@Override
			public void start() throws Exception {
				manager.startAsync().awaitHealthy(GuavaContender.this.timeout);
			}

			@Override
			public void stop() throws Exception {
				manager.stopAsync().awaitStopped(GuavaContender.this.timeout);
			}

			@Override
			public void close() {
				manager.stopAsync();
			}

		};
	}

	/** Sleeps its start time on the thread Guava gives it; stopping is free. */
	private static final class SleepingService extends AbstractIdleService {

		private final String name;

		private final int startMillis;

		SleepingService(String name, int startMillis) {
			this.name = name;
			this.startMillis = startMillis;
		}

		@Override
		protected void startUp() throws InterruptedException {
			SimulatedStart.sleep(this.startMillis);
		}

		@Override
		protected void shutDown() {
		}

		@Override
		protected String serviceName() {
			return this.name;
		}

	}

}
