package dev.bandmaster.benchmarks.contender;

import java.util.Optional;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.SmartLifecycle;

import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * Plain Spring as applications do it today: every service a {@link SmartLifecycle} bean
 * in the default phase, ordered by {@code @DependsOn}. The lifecycle processor starts
 * them one after the other, so the boot takes the sum of all start times.
 */
public final class SpringDependsOnContender extends SpringContender {

	private final long maxSerialMillis;

	/**
	 * Creates the contender.
	 * @param maxServices the largest workload it runs
	 * @param maxSerialMillis the longest sum of start times it runs: one run takes at
	 * least that long
	 */
	public SpringDependsOnContender(int maxServices, long maxSerialMillis) {
		super(maxServices);
		this.maxSerialMillis = maxSerialMillis;
	}

	@Override
	public Optional<String> skipReason(Workload workload) {
		long serialMillis = workload.totalStartMillis();
		if (serialMillis > this.maxSerialMillis) {
			return Optional.of("one serial start takes at least the sum of start times, " + serialMillis
					+ " ms, over the cap of " + this.maxSerialMillis + " ms (--max-serial-seconds)");
		}
		return super.skipReason(workload);
	}

	@Override
	public String name() {
		return "spring-depends-on";
	}

	@Override
	AbstractBeanDefinition define(ServiceSpec spec, int level) {
		return new RootBeanDefinition(SleepingLifecycle.class,
				() -> new SleepingLifecycle(spec.name(), spec.startMillis(), SmartLifecycle.DEFAULT_PHASE));
	}

}
