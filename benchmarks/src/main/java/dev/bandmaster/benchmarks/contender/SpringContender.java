package dev.bandmaster.benchmarks.contender;

import java.util.Optional;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * The plumbing every Spring contender shares: an annotation-config context with one bean
 * definition per service, depending on its dependencies' beans as {@code @DependsOn}
 * would make it, started by {@code refresh()} and stopped by {@code close()}. Subclasses
 * say what the bean is and how the context is tuned.
 */
abstract class SpringContender implements Contender {

	private final int maxServices;

	/**
	 * Creates the contender.
	 * @param maxServices the largest workload it runs, to keep runs short where a bigger
	 * one adds nothing
	 */
	SpringContender(int maxServices) {
		this.maxServices = maxServices;
	}

	@Override
	public Optional<String> skipReason(Workload workload) {
		if (workload.size() > this.maxServices) {
			return Optional.of(workload.size() + " beans is over the cap of " + this.maxServices
					+ " Spring services per context (--max-spring-services)");
		}
		return Optional.empty();
	}

	@Override
	public Deployment deploy(Workload workload) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		configure(context, workload);
		for (int i = 0; i < workload.size(); i++) {
			ServiceSpec spec = workload.services().get(i);
			AbstractBeanDefinition definition = define(spec, workload.level(i));
			definition.setDependsOn(spec.dependencies().toArray(String[]::new));
			context.registerBeanDefinition(spec.name(), definition);
		}
		return new Deployment() {

			@Override
			public void start() {
				context.refresh();
			}

			@Override
			public void stop() {
				context.close();
			}

			@Override
			public void close() {
				context.close();
			}

		};
	}

	/**
	 * Adds the beans that tune the context, before the services' beans are registered.
	 * @param context the context, not refreshed yet
	 * @param workload the workload
	 */
	void configure(GenericApplicationContext context, Workload workload) {
	}

	/**
	 * Defines one service's bean; its {@code dependsOn} is set afterwards.
	 * @param spec the service
	 * @param level its topological level in the workload
	 * @return the bean definition
	 */
	abstract AbstractBeanDefinition define(ServiceSpec spec, int level);

}
