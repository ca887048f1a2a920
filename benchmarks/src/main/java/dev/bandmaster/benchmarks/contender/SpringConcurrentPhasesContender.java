package dev.bandmaster.benchmarks.contender;

import java.time.Duration;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.context.support.GenericApplicationContext;

import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * Plain Spring at its best: each topological level of the graph is its own lifecycle
 * phase, and Spring Framework 7's
 * {@link DefaultLifecycleProcessor#setConcurrentStartupForPhase(int, long)} starts the
 * members of each phase concurrently on the bootstrap executor. A phase ends with its
 * slowest member, so the boot takes the sum over levels of the slowest start in each,
 * which is the critical path only when all starts in a level are equal.
 */
public final class SpringConcurrentPhasesContender extends SpringContender {

	private final Duration timeout;

	/**
	 * Creates the contender.
	 * @param maxServices the largest workload it runs
	 * @param timeout how long one phase may take to start
	 */
	public SpringConcurrentPhasesContender(int maxServices, Duration timeout) {
		super(maxServices);
		this.timeout = timeout;
	}

	@Override
	public String name() {
		return "spring-concurrent-phases";
	}

	@Override
	void configure(GenericApplicationContext context, Workload workload) {
		BootstrapExecutors.register(context);
		int levels = workload.levelCount();
		long timeoutMillis = this.timeout.toMillis();
		context.registerBean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME, DefaultLifecycleProcessor.class,
				() -> {
					DefaultLifecycleProcessor processor = new DefaultLifecycleProcessor();
					for (int level = 0; level < levels; level++) {
						processor.setConcurrentStartupForPhase(level, timeoutMillis);
					}
					return processor;
				});
	}

	@Override
	AbstractBeanDefinition define(ServiceSpec spec, int level) {
		return new RootBeanDefinition(SleepingLifecycle.class,
				() -> new SleepingLifecycle(spec.name(), spec.startMillis(), level));
	}

}
