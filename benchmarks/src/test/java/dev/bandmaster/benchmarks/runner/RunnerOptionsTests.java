package dev.bandmaster.benchmarks.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerOptionsTests {

	@Test
	void defaultsSuitAManualRunFromTheRepositoryRoot() {
		RunnerOptions options = RunnerOptions.parse("sleepy-200");

		assertThat(options.workloads()).containsExactly("sleepy-200");
		assertThat(options.runs()).isEqualTo(5);
		assertThat(options.contenders()).isEmpty();
		assertThat(options.outputDirectory()).isEqualTo(Path.of("benchmarks", "results"));
	}

	@Test
	void readsEveryOption() {
		RunnerOptions options = RunnerOptions.parse("--runs", "3", "--warmups", "0", "--contenders", "a,b",
				"--max-spring-services", "50", "--max-serial-seconds", "7", "--timeout-seconds", "9", "--out", "x",
				"w1", "w2");

		assertThat(options).isEqualTo(new RunnerOptions(List.of("w1", "w2"), 3, 0, Set.of("a", "b"), 50,
				Duration.ofSeconds(7), Duration.ofSeconds(9), Path.of("x")));
	}

	@Test
	void rejectsBadCommandLinesNamingTheOption() {
		assertThatThrownBy(() -> RunnerOptions.parse("--runs", "many", "w")).hasMessageContaining("--runs");
		assertThatThrownBy(() -> RunnerOptions.parse("--speed", "1", "w")).hasMessage("Unknown option --speed");
		assertThatThrownBy(() -> RunnerOptions.parse("w", "--runs")).hasMessage("Option --runs needs a value");
		assertThatThrownBy(RunnerOptions::parse).hasMessage("No workload given");
	}

}
