package dev.bandmaster.spring.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that BandMaster's auto-configurations are ordered after Spring Boot's on the line
 * the tests run on: each {@code afterName} lists Spring Boot 4's classes and then Spring
 * Boot 3.5's, as many for each line, so that on either line exactly half of them exist (a
 * misspelt or missing name of one line fails the tests of that line).
 */
class BandmasterAutoConfigurationOrderTests {

	@Test
	void everyAfterNameNamesAsManyAutoConfigurationsOfThisSpringBootLineAsOfTheOther() throws Exception {
		ClassLoader classLoader = getClass().getClassLoader();
		List<String> bandmasters = ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("dev.bandmaster."))
			.toList();
		assertThat(bandmasters).isNotEmpty();
		for (String name : bandmasters) {
			String[] afterNames = MergedAnnotations.from(ClassUtils.forName(name, classLoader))
				.get(AutoConfiguration.class)
				.getStringArray("afterName");
			List<String> present = Arrays.stream(afterNames)
				.filter((afterName) -> ClassUtils.isPresent(afterName, classLoader))
				.toList();
			assertThat(present.size() * 2)
				.as("%s: of its afterName %s, those present: %s", name, Arrays.toString(afterNames), present)
				.isEqualTo(afterNames.length);
		}
	}

}
