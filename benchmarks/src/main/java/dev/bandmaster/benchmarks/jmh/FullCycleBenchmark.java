package dev.bandmaster.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * An application's whole life with the engine, on no-op services: make a maestro,
 * register every service, validate and start them, stop them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class FullCycleBenchmark {

	@Param({ "layered-1000", "layered-10000", "chain-1000" })
	String workload;

	private List<ServiceSpec> specs;

	@Setup
	public void generate() {
		this.specs = WorkloadGenerator.generate(this.workload).services();
	}

	@Benchmark
	public List<BandmasterException> registerStartStop() {
		Maestro maestro = Maestros.of(this.specs);
		List<BandmasterException> errors = maestro.startAll();
		if (!errors.isEmpty()) {
			throw errors.get(0);
		}
		return maestro.stopAll();
	}

}
