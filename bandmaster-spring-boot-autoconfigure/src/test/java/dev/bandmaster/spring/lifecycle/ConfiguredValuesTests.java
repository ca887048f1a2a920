package dev.bandmaster.spring.lifecycle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfiguredValues}: errors show a value as a user writes it.
 */
class ConfiguredValuesTests {

	@Test
	void showsADurationInTheLargestUnitThatHoldsItExactly() {
		assertThat(ConfiguredValues.asWritten(Duration.ZERO)).isEqualTo("0s");
		assertThat(ConfiguredValues.asWritten(Duration.ofSeconds(-1))).isEqualTo("-1s");
		assertThat(ConfiguredValues.asWritten(Duration.ofMillis(-1500))).isEqualTo("-1500ms");
		assertThat(ConfiguredValues.asWritten(Duration.ofMinutes(2))).isEqualTo("2m");
		assertThat(ConfiguredValues.asWritten(Duration.ofDays(3))).isEqualTo("3d");
		assertThat(ConfiguredValues.asWritten(Duration.ofNanos(-7))).isEqualTo("-7ns");
		assertThat(ConfiguredValues.asWritten(Duration.ofSeconds(Long.MIN_VALUE))).startsWith("PT-");
	}

	@Test
	void theErrorOfAnInvalidDurationNamesTheKeyAndTheValueAsWritten() {
		assertThat(ConfiguredValues.invalid("bandmaster.startup.timeout", Duration.ZERO, "a positive duration"))
			.hasMessage("bandmaster.startup.timeout is 0s, but must be a positive duration.");
	}

}
