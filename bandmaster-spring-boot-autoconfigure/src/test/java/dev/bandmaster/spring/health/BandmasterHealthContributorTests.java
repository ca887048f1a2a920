package dev.bandmaster.spring.health;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.testsupport.HealthView;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.LineHealth;
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
		HealthView health = health("database");
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsEntry("state", ServiceState.STARTED)
			.containsEntry("required", true)
			.containsEntry("attempts", 1)
			.containsEntry("dependsOn", List.of())
			.doesNotContainKey("error");
	}

	@Test
	void requiredServiceNotRunningIsDownWithItsErrorMasked() {
		HealthView health = health("cache");
		assertThat(health.status()).isEqualTo("DOWN");
		assertThat(health.details()).containsEntry("state", ServiceState.FAILED)
			.containsEntry("dependsOn", List.of("database"))
			.containsEntry("error", "java.lang.IllegalStateException: Cannot reach redis://app:******@cache:6379");
	}

	@Test
	void optionalFailedServiceIsUnknownAndDoesNotTakeTheAggregateDown() {
		HealthView health = health("feed");
		assertThat(health.status()).isEqualTo("UNKNOWN");
		assertThat(health.details()).containsEntry("required", false)
			.containsEntry("error", "java.lang.IllegalStateException: partner down");
		assertThat(LineHealth.aggregate(Set.of("UP", health.status()))).isEqualTo("UP");
	}

	@Test
	void detailsCanBeLeftOut() {
		HealthView health = LineHealth.read(this.contributor.getContributor("cache"), false);
		assertThat(health).isNotNull();
		assertThat(health.details()).isEmpty();
	}

	@Test
	void listsEveryServiceInRegistrationOrder() {
		assertThat(LineHealth.names(this.contributor)).containsExactly("database", "cache", "feed");
		assertThat(this.contributor.getContributor("unknown")).isNull();
	}

	private HealthView health(String name) {
		HealthView health = LineHealth.read(this.contributor.getContributor(name), true);
		assertThat(health).isNotNull();
		return health;
	}

}
