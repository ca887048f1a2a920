package dev.bandmaster.benchmarks.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.bandmaster.benchmarks.contender.Contender;
import dev.bandmaster.benchmarks.contender.Contenders;
import dev.bandmaster.benchmarks.workload.Workload;
import dev.bandmaster.benchmarks.workload.WorkloadException;
import dev.bandmaster.benchmarks.workload.WorkloadGenerator;
import dev.bandmaster.benchmarks.workload.WorkloadParser;

/**
 * Boots each workload with every contender, alternating contenders run by run in this one
 * JVM (so that a burst of load on the machine, or the JIT warming up, hits them all
 * alike), and reports per contender the median start and stop times against the
 * workload's critical path. See {@code benchmarks/README.md} for the command.
 */
public final class ScenarioRunner {

	private final RunnerOptions options;

	private final List<Contender> contenders;

	private final PrintStream out;

	private final RunProbe probe = new RunProbe();

	/**
	 * Creates a runner.
	 * @param options what to run
	 * @param contenders the contenders to choose from; {@link RunnerOptions#contenders()}
	 * filters them
	 * @param out where progress and tables go
	 */
	public ScenarioRunner(RunnerOptions options, List<Contender> contenders, PrintStream out) {
		this.options = options;
		this.contenders = contenders.stream()
			.filter((contender) -> options.contenders().isEmpty() || options.contenders().contains(contender.name()))
			.toList();
		this.out = out;
		if (this.contenders.isEmpty()) {
			throw new IllegalArgumentException("No contender named " + options.contenders());
		}
	}

	/**
	 * Runs from the command line; see {@link RunnerOptions#USAGE}.
	 * @param args the options and workloads
	 * @throws Exception if a run fails
	 */
	public static void main(String[] args) throws Exception {
		RunnerOptions options;
		try {
			options = RunnerOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(RunnerOptions.USAGE);
			System.exit(2);
			return;
		}
		try {
			new ScenarioRunner(options,
					Contenders.all(options.maxSpringServices(), options.maxSerial(), options.timeout()), System.out)
				.run();
		}
		catch (NoSuchFileException ex) {
			System.err.println("No workload file " + ex.getFile());
			System.exit(2);
		}
		catch (WorkloadException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
		}
	}

	/**
	 * Runs every workload and writes the result files.
	 * @return the results, workload by workload, contender by contender
	 * @throws java.io.IOException if a workload file cannot be read
	 * @throws WorkloadException if a workload is invalid
	 * @throws Exception if a run fails
	 */
	public List<ContenderResult> run() throws Exception {
		this.out.printf("Java %s on %d processors, %d measured runs after %d warm-up%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), this.options.runs(),
				this.options.warmups());
		// Every workload is read before anything runs, so a typo in the last one does not
		// waste a long run.
		List<Workload> workloads = new ArrayList<>();
		for (String source : this.options.workloads()) {
			workloads.add(load(source));
		}
		List<ContenderResult> results = new ArrayList<>();
		for (Workload workload : workloads) {
			this.out.println("Workload " + workload + ", " + workload.levelCount() + " levels");
			results.addAll(run(workload));
		}
		this.out.println();
		this.out.print(ResultTable.format(results));
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		String name = "scenarios-java" + Runtime.version().feature() + "-" + stamp;
		for (Path file : ResultFiles.write(this.options.outputDirectory(), name, results)) {
			this.out.println("Wrote " + file);
		}
		return results;
	}

	private List<ContenderResult> run(Workload workload) throws Exception {
		Map<Contender, List<Measurement>> measured = new LinkedHashMap<>();
		Map<Contender, String> skipped = new LinkedHashMap<>();
		for (Contender contender : this.contenders) {
			Optional<String> reason = contender.skipReason(workload);
			if (reason.isPresent()) {
				skipped.put(contender, reason.get());
			}
			else {
				measured.put(contender, new ArrayList<>());
			}
		}
		List<Contender> running = new ArrayList<>(measured.keySet());
		for (int run = -this.options.warmups(); run < this.options.runs(); run++) {
			// Rotating the order each run keeps any contender from always following the
			// same one.
			for (int i = 0; i < running.size(); i++) {
				Contender contender = running.get(Math.floorMod(run + i, running.size()));
				Measurement measurement = this.probe.measure(contender, workload);
				if (run >= 0) {
					measured.get(contender).add(measurement);
				}
			}
			this.out.print((run < 0) ? "w" : ".");
			this.out.flush();
		}
		this.out.println();
		List<ContenderResult> results = new ArrayList<>();
		for (Contender contender : this.contenders) {
			if (skipped.containsKey(contender)) {
				results.add(ContenderResult.skipped(workload.name(), contender.name(), workload.size(),
						workload.criticalPathMillis(), skipped.get(contender)));
			}
			else {
				results.add(summarize(workload, contender, measured.get(contender)));
			}
		}
		return results;
	}

	private static ContenderResult summarize(Workload workload, Contender contender, List<Measurement> runs) {
		double heap = Medians.of(runs, Measurement::retainedHeapBytes);
		return new ContenderResult(workload.name(), contender.name(), workload.size(), workload.criticalPathMillis(),
				runs.size(), Medians.of(runs, Measurement::setupNanos) / 1e6,
				Medians.of(runs, Measurement::startNanos) / 1e6, Medians.of(runs, Measurement::startCpuNanos) / 1e6,
				Medians.of(runs, Measurement::stopNanos) / 1e6, (int) Medians.of(runs, Measurement::peakThreads),
				Math.round(heap / Math.max(1, workload.size())), null);
	}

	private static Workload load(String source) throws IOException {
		if (WorkloadGenerator.isSpec(source)) {
			return WorkloadGenerator.generate(source);
		}
		try {
			return WorkloadParser.parse(Path.of(source));
		}
		catch (WorkloadException ex) {
			throw new WorkloadException(source + ": " + ex.getMessage());
		}
	}

}
