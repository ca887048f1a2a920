package dev.bandmaster.spring.health;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link ServiceHealth}, the health of one band service whatever the Spring
 * Boot line.
 */
class ServiceHealthTests {

	private static final Instant STARTED_AT = Instant.parse("2026-12-03T10:00:00Z");

	private static final Instant FAILED_AT = Instant.parse("2026-12-03T10:15:30.250Z");

	private static final IOException LOST = new IOException("Connection lost: redis://app:s3cret@cache:6379");

	@Test
	void aStartedServiceIsUpWithoutFailureDetailsUntilItFails() {
		ServiceHealth health = ServiceHealth.of(snapshot(true, ServiceState.STARTED, 0, null, null));
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsOnlyKeys("state", "required", "attempts", "dependsOn");
	}

	@Test
	void aRequiredServiceFoundFailingIsDownWithItsFailures() {
		ServiceHealth health = ServiceHealth.of(snapshot(true, ServiceState.FAILED, 2, FAILED_AT, LOST));
		assertThat(health.status()).isEqualTo("DOWN");
		assertThat(health.details()).contains(entry("state", ServiceState.FAILED), entry("failures", 2),
				entry("lastFailedAt", "2026-12-03T10:15:30.250Z"),
				entry("lastFailure", "java.io.IOException: Connection lost: redis://app:******@cache:6379"));
		assertThat(health.details().toString()).doesNotContain("s3cret");
	}

	@Test
	void anOptionalServiceFoundFailingIsUnknown() {
		ServiceHealth health = ServiceHealth.of(snapshot(false, ServiceState.STARTING, 1, FAILED_AT, LOST));
		assertThat(health.status()).isEqualTo("UNKNOWN");
		assertThat(health.details()).containsEntry("failures", 1);
	}

	@Test
	void aServiceBackUpKeepsItsFailureHistory() {
		ServiceHealth health = ServiceHealth.of(snapshot(true, ServiceState.STARTED, 1, FAILED_AT, LOST));
		assertThat(health.status()).isEqualTo("UP");
		assertThat(health.details()).containsEntry("failures", 1)
			.containsEntry("lastFailedAt", "2026-12-03T10:15:30.250Z");
	}

	private static ServiceSnapshot snapshot(boolean required, ServiceState state, int failures, Instant failedAt,
			Throwable failure) {
		return new ServiceSnapshot("cache", required, List.of(), state, 1, STARTED_AT, Duration.ofMillis(5), null,
				failures, failedAt, failure);
	}

}
