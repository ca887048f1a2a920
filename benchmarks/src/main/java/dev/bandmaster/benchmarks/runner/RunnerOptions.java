package dev.bandmaster.benchmarks.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the scenario runner is asked to do, parsed from its command line.
 *
 * @param workloads workload files, or generator specs such as {@code layered-1000}
 * @param runs measured runs per contender and workload
 * @param warmups unmeasured runs before them, to let the JIT compile the paths measured
 * @param contenders names of the contenders to run; empty for all
 * @param maxSpringServices the largest workload a Spring contender runs
 * @param maxSerial the longest sum of start times a contender that starts services one by
 * one runs
 * @param timeout how long one start or stop may take
 * @param outputDirectory where the CSV and JSON files go
 */
public record RunnerOptions(List<String> workloads, int runs, int warmups, Set<String> contenders,
		int maxSpringServices, Duration maxSerial, Duration timeout, Path outputDirectory) {

	/** The usage text printed on a bad command line. */
	public static final String USAGE = """
			Usage: ScenarioRunner [options] WORKLOAD...
			  WORKLOAD                  a workload file (name startMillis dep...), or a generator spec:
			                            chain-N, wide-N, layered-N, sleepy-N, sleepy-mixed-N, sleepy-wide-N
			  --runs N                  measured runs per contender (default 5)
			  --warmups N               unmeasured runs first (default 1)
			  --contenders a,b          only these contenders (default: all)
			  --max-spring-services N   skip Spring contenders above N services (default 100000)
			  --max-serial-seconds N    skip serial contenders whose start would take over N s (default 20)
			  --timeout-seconds N       fail a start or stop that takes longer (default 300)
			  --out DIR                 where result files go (default benchmarks/results)
			""";

	/**
	 * Checks the values.
	 */
	public RunnerOptions {
		workloads = List.copyOf(workloads);
		contenders = Set.copyOf(contenders);
		if (workloads.isEmpty()) {
			throw new IllegalArgumentException("No workload given");
		}
		if (runs < 1 || warmups < 0 || maxSpringServices < 0) {
			throw new IllegalArgumentException(
					"--runs must be at least 1, --warmups and --max-spring-services at least 0");
		}
	}

	/**
	 * Parses a command line.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException for an unknown option or a bad value, naming it
	 */
	public static RunnerOptions parse(String... args) {
		List<String> workloads = new ArrayList<>();
		int runs = 5;
		int warmups = 1;
		Set<String> contenders = Set.of();
		int maxSpringServices = 100_000;
		long maxSerialSeconds = 20;
		long timeoutSeconds = 300;
		Path out = Path.of("benchmarks", "results");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				workloads.add(arg);
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Option " + arg + " needs a value");
			}
			String value = args[++i];
			switch (arg) {
				case "--runs" -> runs = number(arg, value);
				case "--warmups" -> warmups = number(arg, value);
				case "--contenders" -> contenders = Set.of(value.split(","));
				case "--max-spring-services" -> maxSpringServices = number(arg, value);
				case "--max-serial-seconds" -> maxSerialSeconds = number(arg, value);
				case "--timeout-seconds" -> timeoutSeconds = number(arg, value);
				case "--out" -> out = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		return new RunnerOptions(workloads, runs, warmups, contenders, maxSpringServices,
				Duration.ofSeconds(maxSerialSeconds), Duration.ofSeconds(timeoutSeconds), out);
	}

	private static int number(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Option " + option + " needs a whole number, not '" + value + "'");
		}
	}

}
