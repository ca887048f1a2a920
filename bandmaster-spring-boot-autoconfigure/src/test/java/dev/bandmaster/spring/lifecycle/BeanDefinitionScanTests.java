package dev.bandmaster.spring.lifecycle;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.testsupport.ChainConfiguration;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BeanDefinitionScan}: the lifecycle's scan of the bean definitions
 * reuses what the post-processor's read, and reads again what may answer differently.
 */
class BeanDefinitionScanTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void theLifecycleReadsNoUnchangedDefinitionAgain() {
		CountingBeanFactory beanFactory = new CountingBeanFactory();
		new ApplicationContextRunner(() -> new AnnotationConfigApplicationContext(beanFactory))
			.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class))
			.withUserConfiguration(ChainConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(Maestro.class).services()).extracting(ServiceSnapshot::name)
					.containsExactly("database", "cache", "api");
				// Some of Spring Boot's own beans are read again: their instances are not
				// of the type their definitions predict.
				assertThat(beanFactory.definitionsReadWithFactoryBeanInit).isNotEmpty()
					.doesNotContain("journal", "database", "cache", "api", "bandmaster", "bandmasterLifecycle",
							"bandmasterSettings");
			});
	}

	@Test
	void findsABandServiceWhoseBeanMethodDeclaresAnotherType() {
		// Before any bean exists the method's type says nothing of @BandService; the
		// bean's own class does.
		this.runner.withUserConfiguration(ObjectTypedConfiguration.class)
			.run((context) -> assertThat(context.getBean(Maestro.class).state("hidden"))
				.isEqualTo(ServiceState.STARTED));
	}

	@Test
	void findsABandServiceWhoseDefinitionWasReplacedAfterThePostProcessor() {
		// The replacement makes a bean of the same class, annotated on its factory
		// method.
		this.runner.withUserConfiguration(ReplacedDefinitionConfiguration.class)
			.run((context) -> assertThat(context.getBean(Maestro.class).state("replaced"))
				.isEqualTo(ServiceState.STARTED));
	}

	@Test
	void findsABandServiceDefinedAfterThePostProcessor() {
		this.runner.withBean("late", BeanFactoryPostProcessor.class, () -> (beanFactory) -> {
			RootBeanDefinition late = new RootBeanDefinition(LateService.class, LateService::new);
			((BeanDefinitionRegistry) beanFactory).registerBeanDefinition("lateService", late);
		}).run((context) -> assertThat(context.getBean(Maestro.class).state("late")).isEqualTo(ServiceState.STARTED));
	}

	@Configuration(proxyBeanMethods = false)
	static class ObjectTypedConfiguration {

		@Bean
		Object hidden() {
			return new HiddenService();
		}

	}

	@BandService(name = "hidden")
	static class HiddenService extends RecordingService {

		HiddenService() {
			super("hidden", new Journal());
		}

	}

	@BandService(name = "late")
	static class LateService extends RecordingService {

		LateService() {
			super("late", new Journal());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacedDefinitionConfiguration {

		@Bean
		RecordingService worker() {
			return new RecordingService("worker", new Journal());
		}

		@Bean
		WorkerFactory workerFactory() {
			return new WorkerFactory();
		}

		/**
		 * Runs after BandMaster's post-processor, which is ordered: replaces the
		 * definition of {@code worker} with one whose factory method is annotated.
		 */
		@Bean
		static BeanFactoryPostProcessor replaceWorker() {
			return (beanFactory) -> {
				RootBeanDefinition replacement = new RootBeanDefinition(RecordingService.class);
				replacement.setFactoryBeanName("workerFactory");
				replacement.setFactoryMethodName("replaced");
				((BeanDefinitionRegistry) beanFactory).removeBeanDefinition("worker");
				((BeanDefinitionRegistry) beanFactory).registerBeanDefinition("worker", replacement);
			};
		}

	}

	static class WorkerFactory {

		@BandService(name = "replaced")
		public RecordingService replaced() {
			return new RecordingService("replaced", new Journal());
		}

	}

	/**
	 * Records each definition whose {@code @BandService} is looked up with
	 * {@code FactoryBean}s allowed to initialize, as only the lifecycle's scan does.
	 */
	static class CountingBeanFactory extends DefaultListableBeanFactory {

		final List<String> definitionsReadWithFactoryBeanInit = new CopyOnWriteArrayList<>();

		@Override
		public <A extends Annotation> @Nullable A findAnnotationOnBean(String beanName, Class<A> annotationType,
				boolean allowFactoryBeanInit) {
			if (annotationType == BandService.class && allowFactoryBeanInit && containsBeanDefinition(beanName)) {
				this.definitionsReadWithFactoryBeanInit.add(beanName);
			}
			return super.findAnnotationOnBean(beanName, annotationType, allowFactoryBeanInit);
		}

	}

}
