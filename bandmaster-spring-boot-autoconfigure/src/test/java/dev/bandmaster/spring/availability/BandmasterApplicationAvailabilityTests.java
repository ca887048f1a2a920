package dev.bandmaster.spring.availability;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.availability.BandmasterAvailabilityAutoConfiguration;
import dev.bandmaster.spring.testsupport.GatedService;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BandmasterAvailabilityAutoConfiguration} and
 * {@link BandmasterApplicationAvailability}, in background mode.
 */
@ExtendWith(OutputCaptureExtension.class)
class BandmasterApplicationAvailabilityTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class,
				BandmasterAvailabilityAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
		.withPropertyValues("bandmaster.startup.mode=background");

	@Test
	void refusesTrafficUntilEveryRequiredServiceIsUpWhateverIsPublished() {
		this.runner.withUserConfiguration(GatedConfiguration.class).run((context) -> {
			ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
			assertThat(availability).isInstanceOf(BandmasterApplicationAvailability.class);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			assertThat(context.getBean(Maestro.class).state("slow")).isNotEqualTo(ServiceState.STARTED);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
			context.getBean(GatedService.class).open();
			await().atMost(Duration.ofSeconds(10))
				.until(availability::getReadinessState, ReadinessState.ACCEPTING_TRAFFIC::equals);
		});
	}

	@Test
	void keepsRefusingTrafficWhenARequiredServiceFails(CapturedOutput output) {
		this.runner.withUserConfiguration(FailingConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.getOut().contains("Required band services did not start"));
			assertThat(output).contains("BandMaster could not start the required service 'database'")
				.contains("bandmaster.services.database.required=false");
			assertThat(context.getBean(Maestro.class).state("database")).isEqualTo(ServiceState.FAILED);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(context.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		});
	}

	@Test
	void worksWithTheApplicationsOwnMaestroWhenBandmasterIsDisabled() {
		this.runner.withPropertyValues("bandmaster.enabled=false")
			.withBean(Maestro.class, Maestro::new)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BandmasterApplicationAvailability.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwn() {
		this.runner.withBean("customAvailability", ApplicationAvailabilityBean.class).run((context) -> {
			assertThat(context).getBean(ApplicationAvailability.class)
				.isNotInstanceOf(BandmasterApplicationAvailability.class);
			assertThat(context).doesNotHaveBean(ReadinessChangePublisher.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class GatedConfiguration {

		@Bean
		@BandService
		GatedService slow() {
			return new GatedService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingConfiguration {

		@Bean
		@BandService
		RecordingService database() {
			return RecordingService.failingForever("database", new Journal(), "no database");
		}

	}

}
