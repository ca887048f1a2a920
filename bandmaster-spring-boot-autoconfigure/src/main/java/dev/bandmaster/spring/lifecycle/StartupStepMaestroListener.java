package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.MaestroListener;

/**
 * Records each service's start as a {@code bandmaster.service.start} step of the
 * {@link ApplicationStartup}, so that {@code /actuator/startup} shows it, tagged with the
 * service's name, its attempts and its outcome. Thread-safe: open steps are kept in a
 * concurrent map.
 */
final class StartupStepMaestroListener implements MaestroListener {

	static final String STEP_NAME = "bandmaster.service.start";

	private final ApplicationStartup applicationStartup;

	private final Map<String, StartupStep> steps = new ConcurrentHashMap<>();

	StartupStepMaestroListener(ApplicationStartup applicationStartup) {
		this.applicationStartup = applicationStartup;
	}

	@Override
	public void starting(String serviceName) {
		StartupStep step = this.applicationStartup.start(STEP_NAME).tag("service", serviceName);
		StartupStep previous = this.steps.put(serviceName, step);
		if (previous != null) {
			previous.end();
		}
	}

	@Override
	public void started(String serviceName, Duration duration, int attempts) {
		end(serviceName, "success", attempts);
	}

	@Override
	public void startFailed(BandmasterException failure) {
		// A service skipped because a dependency is unavailable never began a step.
		end(failure.serviceName(), "failure", failure.attempts());
	}

	private void end(String serviceName, String outcome, int attempts) {
		StartupStep step = this.steps.remove(serviceName);
		if (step != null) {
			step.tag("attempts", String.valueOf(attempts)).tag("outcome", outcome).end();
		}
	}

}
