package dev.bandmaster.benchmarks.workload;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadParserTests {

	@Test
	void readsNamesStartTimesAndDependenciesSkippingBlankAndCommentLines() throws IOException {
		Workload workload = parse("# comment\n\na 10\nb 0 a\n\tc  25\ta  b  \n");

		assertThat(workload.services()).containsExactly(new ServiceSpec("a", 10, List.of()),
				new ServiceSpec("b", 0, List.of("a")), new ServiceSpec("c", 25, List.of("a", "b")));
	}

	@Test
	void acceptsDependenciesDeclaredFurtherDown() throws IOException {
		Workload workload = parse("api 5 db\ndb 20\n");

		assertThat(workload.criticalPathMillis()).isEqualTo(25);
	}

	@Test
	void namesTheFileWithoutItsExtension() throws Exception {
		Path file = Path.of(getClass().getResource("/workloads/diamond.txt").toURI());

		Workload workload = WorkloadParser.parse(file);

		assertThat(workload.name()).isEqualTo("diamond");
		assertThat(workload.size()).isEqualTo(5);
	}

	@Test
	void rejectsALineWithoutStartTime() {
		assertThatThrownBy(() -> parse("a 1\nlonely\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 2: expected 'name startMillis [dependency ...]' but found only 'lonely'");
	}

	@Test
	void rejectsAStartTimeThatIsNotANumber() {
		assertThatThrownBy(() -> parse("a 1\n\nb fast a\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 3: startMillis of 'b' must be a whole number of milliseconds, but was 'fast'");
	}

	@Test
	void rejectsANegativeStartTime() {
		assertThatThrownBy(() -> parse("a -5\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 1: startMillis of 'a' must not be negative, but was -5");
	}

	@Test
	void rejectsADuplicateNameNamingBothLines() {
		assertThatThrownBy(() -> parse("a 1\nb 2\na 3\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 3: service 'a' is already declared on line 1");
	}

	@Test
	void rejectsAnUnknownDependencyNamingIt() {
		assertThatThrownBy(() -> parse("a 1\nb 2 a ghost\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 2: service 'b' depends on unknown service 'ghost'");
	}

	@Test
	void rejectsAServiceDependingOnItself() {
		assertThatThrownBy(() -> parse("a 1 a\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 1: service 'a' depends on itself");
	}

	@Test
	void rejectsADependencyNamedTwice() {
		assertThatThrownBy(() -> parse("a 1\nb 1 a a\n")).isInstanceOf(WorkloadException.class)
			.hasMessage("Line 2: service 'b' names dependency 'a' twice");
	}

	@Test
	void rejectsALoopNamingServicesOnIt() {
		assertThatThrownBy(() -> parse("a 1 c\nb 1 a\nc 1 b\nd 1\n")).isInstanceOf(WorkloadException.class)
			.hasMessageContaining("loop")
			.hasMessageContaining("[a, b, c]");
	}

	private static Workload parse(String text) throws IOException {
		return WorkloadParser.parse("test", new StringReader(text));
	}

}
