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
	void masksAPasswordWhoseUserHoldsAnAtSign() {
		assertThat(ServiceError.mask("postgresql://app@myserver:s3cret@host/db"))
			.isEqualTo("postgresql://app@myserver:******@host/db");
	}

	@Test
	void masksPasswordParameters() {
		assertThat(ServiceError.mask("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=******&ssl=true");
		assertThat(ServiceError.mask("jdbc:sqlserver://db;user=sa;Password=s3cret;encrypt=true and Pwd=x y"))
			.isEqualTo("jdbc:sqlserver://db;user=sa;Password=******;encrypt=true and Pwd=****** y");
	}

	@Test
	void masksAnOracleUrlPassword() {
		assertThat(ServiceError.mask("jdbc:oracle:thin:scott/s3cret@//host:1521/orcl"))
			.isEqualTo("jdbc:oracle:thin:scott/******@//host:1521/orcl");
		assertThat(ServiceError.mask("jdbc:oracle:thin:@//host:1521/orcl"))
			.isEqualTo("jdbc:oracle:thin:@//host:1521/orcl");
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
