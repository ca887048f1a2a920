package dev.bandmaster.benchmarks.jmh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.benchmarks.contender.Maestros;
import dev.bandmaster.benchmarks.workload.ServiceSpec;
import dev.bandmaster.benchmarks.workload.WorkloadGenerator;

/**
 * {@link Maestro#validate()} on a freshly registered layered graph (100 layers, fan-in
 * 3): valid, with one missing dependency, or with one loop running through all 100
 * layers. A maestro caches its validation until the next registration, so each invocation
 * gets a new maestro, registered outside the measured time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ValidationBenchmark {

	@Param({ "10000", "100000" })
	int services;

	@Param({ "valid", "missing", "circular" })
	String graph;

	private List<ServiceSpec> specs;

	private Maestro maestro;

	@Setup(Level.Trial)
	public void makeGraph() {
		List<ServiceSpec> layered = WorkloadGenerator.generate("layered-" + this.services).services();
		this.specs = switch (this.graph) {
			case "valid" -> layered;
			case "missing" -> withMissingDependency(layered);
			case "circular" -> withLoopThroughEveryLayer(layered);
			default -> throw new IllegalArgumentException("Unknown graph " + this.graph);
		};
	}

	@Setup(Level.Invocation)
	public void register() {
		this.maestro = Maestros.of(this.specs);
	}

	@Benchmark
	public List<BandmasterException> validate() {
		return this.maestro.validate();
	}

	private static List<ServiceSpec> withMissingDependency(List<ServiceSpec> specs) {
		List<ServiceSpec> changed = new ArrayList<>(specs);
		ServiceSpec last = changed.get(changed.size() - 1);
		List<String> dependencies = new ArrayList<>(last.dependencies());
		dependencies.add("ghost");
		changed.set(changed.size() - 1, new ServiceSpec(last.name(), last.startMillis(), dependencies));
		return changed;
	}

	/**
	 * Follows first dependencies from the last service down to layer 0, and makes that
	 * one depend on the last.
	 */
	private static List<ServiceSpec> withLoopThroughEveryLayer(List<ServiceSpec> specs) {
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < specs.size(); i++) {
			indexes.put(specs.get(i).name(), i);
		}
		ServiceSpec last = specs.get(specs.size() - 1);
		int bottom = specs.size() - 1;
		while (!specs.get(bottom).dependencies().isEmpty()) {
			bottom = indexes.get(specs.get(bottom).dependencies().get(0));
		}
		List<ServiceSpec> changed = new ArrayList<>(specs);
		ServiceSpec root = changed.get(bottom);
		changed.set(bottom, new ServiceSpec(root.name(), root.startMillis(), List.of(last.name())));
		return changed;
	}

}
