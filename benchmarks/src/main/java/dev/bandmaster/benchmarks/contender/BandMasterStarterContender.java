package dev.bandmaster.benchmarks.contender;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.support.GenericApplicationContext;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.Workload;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;

/**
 * BandMaster through its Spring Boot starter: the same annotation-config context as the
 * plain Spring contenders, with BandMaster's auto-configuration imported and every
 * service a {@link BandService @BandService} bean. Each bean's {@code dependsOn} names
 * its dependencies, from which the starter infers the service's own.
 */
public final class BandMasterStarterContender extends SpringContender {

	/**
	 * Creates the contender.
	 * @param maxServices the largest workload it runs
	 */
	public BandMasterStarterContender(int maxServices) {
		super(maxServices);
	}

	@Override
	public String name() {
		return "bandmaster-starter";
	}

	@Override
	void configure(GenericApplicationContext context, Workload workload) {
		context.registerBean(StarterConfiguration.class);
	}

	@Override
	AbstractBeanDefinition define(ServiceSpec spec, int level) {
		return new RootBeanDefinition(SleepingBandService.class, () -> new SleepingBandService(spec.startMillis()));
	}

	/**
	 * Imports the starter's auto-configuration as a Boot application would, without the
	 * rest of Boot.
	 */
	@ImportAutoConfiguration(BandmasterAutoConfiguration.class)
	static class StarterConfiguration {

	}

	/** A band service named after its bean, sleeping its start time; stopping is free. */
	@BandService
	static final class SleepingBandService implements Service {

		private final int startMillis;

		SleepingBandService(int startMillis) {
			this.startMillis = startMillis;
		}

		@Override
		public void start(Dependencies dependencies) throws InterruptedException {
			SimulatedStart.sleep(this.startMillis);
		}

		@Override
		public void stop() {
		}

	}

}
