package dev.bandmaster.benchmarks.contender;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Gives a Spring context the same kind of threads the engine uses, so the comparison is
 * about scheduling and not about thread pools: a virtual thread per task on Java 21 and
 * later, a new platform thread per task on 17, never a cap on parallelism.
 */
final class BootstrapExecutors {

	private BootstrapExecutors() {
	}

	/**
	 * Registers the context's bootstrap executor, which Spring uses both for background
	 * bean initialization and for concurrent lifecycle phases. Being
	 * {@link AutoCloseable}, it is closed with the context.
	 * @param context the context, not refreshed yet
	 */
	static void register(GenericApplicationContext context) {
		context.registerBean(ConfigurableApplicationContext.BOOTSTRAP_EXECUTOR_BEAN_NAME, SimpleAsyncTaskExecutor.class,
				() -> {
					SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("spring-bootstrap-");
					executor.setVirtualThreads(Runtime.version().feature() >= 21);
					return executor;
				});
	}

}
