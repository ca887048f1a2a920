package dev.bandmaster.benchmarks.contender;

import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.support.GenericApplicationContext;

import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * Spring Framework's background bean initialization
 * ({@code @Bean(bootstrap = BACKGROUND)}, here {@code BeanDefinition#setBackgroundInit}):
 * the service starts in its bean's initialization, which Spring runs on the bootstrap
 * executor, and the refresh waits for all of them.
 * <p>
 * It only applies to services that do not depend on one another. Spring Framework 7.0
 * refuses a {@code dependsOn} on a background bean ("Bean marked for background
 * initialization but requested in mainline thread"), and the lazy lookup it suggests
 * instead, {@code getBean} from the initializing background thread, left every bootstrap
 * thread parked on the singleton lock on {@code sleepy-200} (see the module's README).
 */
public final class SpringBackgroundInitContender extends SpringContender {

	/**
	 * Creates the contender.
	 * @param maxServices the largest workload it runs
	 */
	public SpringBackgroundInitContender(int maxServices) {
		super(maxServices);
	}

	@Override
	public String name() {
		return "spring-background-init";
	}

	@Override
	public Optional<String> skipReason(Workload workload) {
		if (workload.hasDependencies()) {
			return Optional.of("background beans cannot depend on background beans in Spring 7.0 (see README)");
		}
		return super.skipReason(workload);
	}

	@Override
	void configure(GenericApplicationContext context, Workload workload) {
		BootstrapExecutors.register(context);
	}

	@Override
	AbstractBeanDefinition define(ServiceSpec spec, int level) {
		RootBeanDefinition definition = new RootBeanDefinition(SleepingInitBean.class,
				() -> new SleepingInitBean(spec.name(), spec.startMillis()));
		definition.setBackgroundInit(true);
		return definition;
	}

	/** A service that starts while its bean is initialized. */
	private record SleepingInitBean(String name, int startMillis) implements InitializingBean {

		@Override
		public void afterPropertiesSet() throws InterruptedException {
			SimulatedStart.sleep(this.startMillis);
		}

	}

}
