package dev.bandmaster.spring.health;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BandmasterHealthContributor}.
 */
class BandmasterHealthContributorTests {

	private final Journal journal = new Journal();

	private final Maestro maestro = new Maestro();

	private final BandmasterHealthContributor contributor = new BandmasterHealthContributor(this.maestro);

	@BeforeEach
	void bootServices() {
		this.maestro
			.addService(ServiceDefinition.builder("database", new RecordingService("database", this.journal)).build());
		this.maestro.addService(
				ServiceDefinition
					.builder("cache",
							RecordingService.failingForever("cache", this.journal,
									"Cannot reach redis://app:s3cret@cache:6379"))
					.dependsOn("database")
					.build());
		this.maestro.addService(
				ServiceDefinition.builder("feed", RecordingService.failingForever("feed", this.journal, "partner down"))
					.required(false)
					.build());
		this.maestro.startAll();
	}

	@Test
	void startedServiceIsUpWithDetails() {
		Health health = health("database");
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("state", ServiceState.STARTED)
			.containsEntry("required", true)
			.containsEntry("attempts", 1)
			.containsEntry("dependsOn", List.of())
			.doesNotContainKey("error");
	}

	@Test
	void requiredServiceNotRunningIsDownWithItsErrorMasked() {
		Health health = health("cache");
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("state", ServiceState.FAILED)
			.containsEntry("dependsOn", List.of("database"))
			.containsEntry("error", "java.lang.IllegalStateException: Cannot reach redis://app:******@cache:6379");
	}

	@Test
	void optionalFailedServiceIsUnknownAndDoesNotTakeTheAggregateDown() {
		Health health = health("feed");
		assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health.getDetails()).containsEntry("required", false)
			.containsEntry("error", "java.lang.IllegalStateException: partner down");
		assertThat(new SimpleStatusAggregator().getAggregateStatus(Set.of(Status.UP, health.getStatus())))
			.isEqualTo(Status.UP);
	}

	@Test
	void detailsCanBeLeftOut() {
		HealthIndicator indicator = (HealthIndicator) this.contributor.getContributor("cache");
		assertThat(indicator.health(false).getDetails()).isEmpty();
	}

	@Test
	void listsEveryServiceInRegistrationOrder() {
		assertThat(this.contributor.stream().map(HealthContributors.Entry::name)).containsExactly("database", "cache",
				"feed");
		assertThat(this.contributor.getContributor("unknown")).isNull();
	}

	private Health health(String name) {
		HealthIndicator indicator = (HealthIndicator) this.contributor.getContributor(name);
		assertThat(indicator).isNotNull();
		Health health = indicator.health();
		assertThat(health).isNotNull();
		return health;
	}

}
