package dev.bandmaster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Credentials#mask(String)}: the one masking rule, each form it knows.
 */
class CredentialsTests {

	@Test
	void masksThePasswordOfEveryUrl() {
		assertThat(Credentials.mask("postgres://user:secret@host:5432/db and redis://:pw@cache:6379"))
			.isEqualTo("postgres://user:******@host:5432/db and redis://:******@cache:6379");
		assertThat(Credentials.mask("jdbc:postgresql://app:p@ss@db/app, amqp://guest:guest@rabbit"))
			.isEqualTo("jdbc:postgresql://app:******@db/app, amqp://guest:******@rabbit");
	}

	@Test
	void masksAPasswordWhoseUserHoldsAnAtSign() {
		assertThat(Credentials.mask("postgresql://app@myserver:s3cret@host/db"))
			.isEqualTo("postgresql://app@myserver:******@host/db");
	}

	@Test
	void masksPasswordParameters() {
		assertThat(Credentials.mask("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=******&ssl=true");
		assertThat(Credentials.mask("jdbc:sqlserver://db;user=sa;Password=s3cret;encrypt=true and Pwd=x y"))
			.isEqualTo("jdbc:sqlserver://db;user=sa;Password=******;encrypt=true and Pwd=****** y");
		assertThat(Credentials.mask("mysql://db/app?passwd=s3cret")).isEqualTo("mysql://db/app?passwd=******");
	}

	@Test
	void masksAnOracleUrlPassword() {
		assertThat(Credentials.mask("jdbc:oracle:thin:scott/s3cret@//host:1521/orcl"))
			.isEqualTo("jdbc:oracle:thin:scott/******@//host:1521/orcl");
		assertThat(Credentials.mask("jdbc:oracle:thin:@//host:1521/orcl"))
			.isEqualTo("jdbc:oracle:thin:@//host:1521/orcl");
	}

	@Test
	void leavesUrlsWithoutPasswordAlone() {
		assertThat(Credentials.mask("https://example.com:8443/path?x=1 and user@example.com"))
			.isEqualTo("https://example.com:8443/path?x=1 and user@example.com");
	}

	@Test
	void theErrorsTheEngineBuildsHoldNoPassword() {
		Maestro maestro = new Maestro();
		IllegalStateException refused = new IllegalStateException("postgres://app:s3cret@db:5432/app refused");
		maestro.addService("database", true, new Service() {

			@Override
			public void start(Dependencies dependencies) {
				throw refused;
			}

			@Override
			public void stop() {
			}

		});
		assertThat(maestro.startAll(java.time.Duration.ofSeconds(30))).singleElement().satisfies((error) -> {
			assertThat(error.getMessage()).contains("postgres://app:******@db:5432/app").doesNotContain("s3cret");
			assertThat(error.getCause()).as("the cause is the service's own, untouched").isSameAs(refused);
		});
	}

}
