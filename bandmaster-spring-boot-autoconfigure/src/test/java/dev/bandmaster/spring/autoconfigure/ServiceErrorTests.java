package dev.bandmaster.spring.autoconfigure;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceError}.
 */
class ServiceErrorTests {

	@Test
	void masksThePasswordOfEveryUrl() {
		assertThat(ServiceError.mask("postgres://user:secret@host:5432/db and redis://:pw@cache:6379"))
			.isEqualTo("postgres://user:******@host:5432/db and redis://:******@cache:6379");
		assertThat(ServiceError.mask("jdbc:postgresql://app:p@ss@db/app, amqp://guest:guest@rabbit"))
			.isEqualTo("jdbc:postgresql://app:******@db/app, amqp://guest:******@rabbit");
	}

	@Test
	void leavesUrlsWithoutPasswordAlone() {
		assertThat(ServiceError.mask("https://example.com:8443/path?x=1 and user@example.com"))
			.isEqualTo("https://example.com:8443/path?x=1 and user@example.com");
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
