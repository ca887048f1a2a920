package dev.bandmaster.spring.gate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalServersTests {

	@Test
	void takesEveryCommonSpellingOfCiForACiRun() {
		assertThat(LocalServers.isCi("true")).isTrue();
		assertThat(LocalServers.isCi("TRUE")).isTrue();
		assertThat(LocalServers.isCi("1")).isTrue();
		assertThat(LocalServers.isCi("yes")).isTrue();
	}

	@Test
	void takesAnUnsetEmptyOrFalseCiForADevelopersMachine() {
		assertThat(LocalServers.isCi(null)).isFalse();
		assertThat(LocalServers.isCi("")).isFalse();
		assertThat(LocalServers.isCi(" ")).isFalse();
		assertThat(LocalServers.isCi("false")).isFalse();
		assertThat(LocalServers.isCi("0")).isFalse();
	}

}
