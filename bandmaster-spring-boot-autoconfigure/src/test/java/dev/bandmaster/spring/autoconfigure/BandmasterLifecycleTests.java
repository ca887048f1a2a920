package dev.bandmaster.spring.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;
import dev.bandmaster.spring.BandService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterLifecycle} at the edges of its timeouts.
 */
class BandmasterLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class));

	@Test
	void closesDuringABackgroundBootWithAShutdownTimeoutTooLongToCountInMilliseconds() {
		CountDownLatch starting = new CountDownLatch(1);
		this.runner.withBean(CountDownLatch.class, () -> starting)
			.withUserConfiguration(SlowServiceConfiguration.class)
			.withPropertyValues("bandmaster.startup.mode=background",
					"bandmaster.shutdown.timeout=" + Long.MAX_VALUE + "s")
			.run((context) -> {
				assertThat(starting.await(10, TimeUnit.SECONDS)).isTrue();
				// Closing interrupts the boot and waits for it: a timeout that cannot be
				// counted in milliseconds waits as long as it takes, rather than
				// throwing.
				context.close();
				assertThat(context.getSourceApplicationContext().isActive()).isFalse();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowServiceConfiguration {

		@Bean
		@BandService
		Service slow(CountDownLatch starting) {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) throws InterruptedException {
					starting.countDown();
					new CountDownLatch(1).await();
				}

				@Override
				public void stop() {
				}

			};
		}

	}

}
