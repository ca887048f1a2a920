package dev.bandmaster.benchmarks.contender;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A service as a Spring lifecycle bean: its {@code start()} sleeps the service's start
 * time.
 * <p>
 * A {@link Component @Component}, as application beans found by scanning are, and as
 * {@code @BandService} beans are through their meta-annotation: Spring then inspects each
 * bean's class as a lite configuration class while refreshing, so the plain and the
 * starter contexts pay the same per-bean cost for it.
 */
@Component
final class SleepingLifecycle implements SmartLifecycle {

	private final String name;

	private final int startMillis;

	private final int phase;

	private volatile boolean running;

	SleepingLifecycle(String name, int startMillis, int phase) {
		this.name = name;
		this.startMillis = startMillis;
		this.phase = phase;
	}

	@Override
	public void start() {
		SimulatedStart.sleepUninterruptibly(this.startMillis, this.name);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

}
