package dev.bandmaster.benchmarks.contender;

import java.util.Optional;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;

/**
 * Plain Spring as applications do it today: every service a {@link SmartLifecycle} bean
 * in the default phase, ordered by {@code @DependsOn}. The lifecycle processor starts
 * them one after the other, so the boot takes the sum of all start times.
 * <p>
 * Its {@code spring-depends-on-boot} form adds what every Spring Boot application has and
 * a bare context does not: Spring Boot's configuration properties infrastructure
 * ({@link ConfigurationPropertiesAutoConfiguration}), whose post-processor inspects every
 * bean. The starter brings it too, through {@code @EnableConfigurationProperties};
 * against this form, the starter's own cost per service shows without it.
 */
public final class SpringDependsOnContender extends SpringContender {

	private final long maxSerialMillis;

	private final boolean bootInfrastructure;

	/**
	 * Creates the contender.
	 * @param maxServices the largest workload it runs
	 * @param maxSerialMillis the longest sum of start times it runs: one run takes at
	 * least that long
	 * @param bootInfrastructure whether the context has Spring Boot's configuration
	 * properties infrastructure, as a Spring Boot application's has
	 */
	public SpringDependsOnContender(int maxServices, long maxSerialMillis, boolean bootInfrastructure) {
		super(maxServices);
		this.maxSerialMillis = maxSerialMillis;
		this.bootInfrastructure = bootInfrastructure;
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
		return this.bootInfrastructure ? "spring-depends-on-boot" : "spring-depends-on";
	}

	@Override
	void configure(GenericApplicationContext context, Workload workload) {
		if (this.bootInfrastructure) {
			context.registerBean(BootInfrastructure.class);
		}
	}

	@Override
	AbstractBeanDefinition define(ServiceSpec spec, int level) {
		return new RootBeanDefinition(SleepingLifecycle.class,
				() -> new SleepingLifecycle(spec.name(), spec.startMillis(), SmartLifecycle.DEFAULT_PHASE));
	}

	/**
	 * Imports Spring Boot's configuration properties infrastructure and binds one
	 * configuration properties bean, as a Spring Boot application's auto-configuration
	 * does.
	 */
	@ImportAutoConfiguration(ConfigurationPropertiesAutoConfiguration.class)
	@EnableConfigurationProperties(ApplicationProperties.class)
	static class BootInfrastructure {

	}

	/**
	 * An application's configuration properties, under {@code app}.
	 */
	@ConfigurationProperties("app")
	static class ApplicationProperties {

		private String name = "benchmark";

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
