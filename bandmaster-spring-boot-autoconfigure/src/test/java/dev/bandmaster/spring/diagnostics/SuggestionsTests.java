package dev.bandmaster.spring.diagnostics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Suggestions}.
 */
class SuggestionsTests {

	private static final List<String> SERVICES = List.of("catalog", "price-cache", "search-index", "datasource");

	@Test
	void suggestsTheNameATypoWasMeantFor() {
		assertThat(Suggestions.closest("catalogue", SERVICES)).isEqualTo("catalog");
		assertThat(Suggestions.closest("DataSource", SERVICES)).isEqualTo("datasource");
		assertThat(Suggestions.closest("pricecache", SERVICES)).isEqualTo("price-cache");
	}

	@Test
	void suggestsNothingForANameThatIsNotATypo() {
		assertThat(Suggestions.closest("redis", SERVICES)).isNull();
		assertThat(Suggestions.closest("x", List.of("a"))).isNull();
	}

}
