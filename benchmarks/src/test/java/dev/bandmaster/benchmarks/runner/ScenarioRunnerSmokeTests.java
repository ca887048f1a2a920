package dev.bandmaster.benchmarks.runner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.bandmaster.benchmarks.contender.Contender;
import dev.bandmaster.benchmarks.contender.Contenders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real runner on small workloads so that it cannot rot; asserts what it reports,
 * never how fast.
 */
class ScenarioRunnerSmokeTests {

	private static final List<Contender> CONTENDERS = Contenders.all(10_000, Duration.ofSeconds(20),
			Duration.ofSeconds(60));

	@TempDir
	Path results;

	@Test
	void runsEveryContenderOnSmallWorkloadsAndReportsThemAll() throws Exception {
		String diamond = Path.of(getClass().getResource("/workloads/diamond.txt").toURI()).toString();
		RunnerOptions options = RunnerOptions.parse("--runs", "1", "--warmups", "0", "--out", this.results.toString(),
				diamond, "sleepy-40", "layered-80", "sleepy-wide-20");
		ByteArrayOutputStream printed = new ByteArrayOutputStream();

		List<ContenderResult> reported = new ScenarioRunner(options, CONTENDERS,
				new PrintStream(printed, true, StandardCharsets.UTF_8))
			.run();

		assertThat(reported).hasSize(4 * CONTENDERS.size());
		assertThat(reported).filteredOn((result) -> result.workload().equals("diamond"))
			.allSatisfy((result) -> assertThat(result.criticalPathMillis()).isEqualTo(55));
		assertThat(reported).filteredOn((result) -> result.workload().equals("sleepy-40"))
			.allSatisfy((result) -> assertThat(result.criticalPathMillis()).isEqualTo(40));
		assertThat(reported).filteredOn((result) -> result.contender().equals("bandmaster")).allSatisfy((result) -> {
			assertThat(result.skipped()).isNull();
			assertThat(result.runs()).isEqualTo(1);
			assertThat(result.startMillis()).isPositive();
		});
		// Guava and background init run where there are no dependencies and say why not
		// elsewhere.
		assertThat(reported).filteredOn((result) -> result.workload().equals("sleepy-wide-20"))
			.allSatisfy((result) -> assertThat(result.skipped()).isNull());
		assertThat(reported)
			.filteredOn((result) -> result.contender().equals("guava-service-manager")
					&& !result.workload().equals("sleepy-wide-20"))
			.allSatisfy((result) -> assertThat(result.skipped()).contains("dependencies"));

		String table = printed.toString(StandardCharsets.UTF_8);
		String csv = read(".csv");
		String json = read(".json");
		for (Contender contender : CONTENDERS) {
			assertThat(table).contains(contender.name());
			assertThat(csv).contains("," + contender.name() + ",");
			assertThat(json).contains("\"contender\": \"" + contender.name() + "\"");
		}
		assertThat(csv.lines()).hasSize(1 + reported.size());
		assertThat(csv).contains("diamond,bandmaster,5,55,1,");
	}

	@Test
	void skipsSpringContendersAboveTheSizeCapAndSaysSo() throws Exception {
		RunnerOptions options = RunnerOptions.parse("--runs", "1", "--warmups", "0", "--max-spring-services", "10",
				"--contenders", "bandmaster,spring-concurrent-phases", "--out", this.results.toString(), "layered-80");

		List<ContenderResult> reported = new ScenarioRunner(options,
				Contenders.all(options.maxSpringServices(), options.maxSerial(), options.timeout()),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
			.run();

		assertThat(reported).extracting(ContenderResult::contender)
			.containsExactly("bandmaster", "spring-concurrent-phases");
		assertThat(reported.get(1).skipped()).contains("over the cap of 10");
	}

	private String read(String extension) throws Exception {
		try (Stream<Path> files = Files.list(this.results)) {
			Path file = files.filter((path) -> path.toString().endsWith(extension)).findFirst().orElseThrow();
			return Files.readString(file);
		}
	}

}
