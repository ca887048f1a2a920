package dev.bandmaster.spring.diagnostics;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceError}. Every form of password it masks is pinned by the core's
 * {@code CredentialsTests}: the starter applies the one rule, {@code Credentials.mask}.
 */
class ServiceErrorTests {

	@Test
	void masksWithTheEnginesRule() {
		String message = "jdbc:oracle:thin:scott/s3cret@//host:1521/orcl, redis://:pw@cache, ?password=x";
		assertThat(ServiceError.mask(message)).isEqualTo(dev.bandmaster.Credentials.mask(message))
			.doesNotContain("s3cret")
			.doesNotContain(":pw@")
			.doesNotContain("password=x");
	}

	@Test
	void describesTheExceptionClassAndMaskedMessage() {
		ServiceError error = ServiceError.of(new IOException("Cannot reach https://bot:hunter2@api.example/x"));
		assertThat(error.type()).isEqualTo("java.io.IOException");
		assertThat(error.message()).isEqualTo("Cannot reach https://bot:******@api.example/x");
		assertThat(error).hasToString("IOException: Cannot reach https://bot:******@api.example/x");
		assertThat(ServiceError.of(new IllegalStateException())).hasToString("IllegalStateException");
		assertThat(ServiceError.of(null)).isNull();
	}

}
