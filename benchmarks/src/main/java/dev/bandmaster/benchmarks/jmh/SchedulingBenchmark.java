package dev.bandmaster.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.benchmarks.contender.Maestros;
import dev.bandmaster.benchmarks.workload.WorkloadGenerator;

/**
 * What the engine costs per service, on services that do nothing: one {@code startAll}
 * and one {@code stopAll} of an already registered and validated graph of 10,000 no-op
 * services, reported per service.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SchedulingBenchmark {

	private static final int SERVICES = 10_000;

	/** A registered graph, validated once so that only scheduling is measured. */
	@State(Scope.Thread)
	public abstract static class Graph {

		Maestro maestro;

		abstract String spec();

		@Setup(Level.Trial)
		public void register() {
			this.maestro = Maestros.of(WorkloadGenerator.generate(spec()).services());
			this.maestro.validate();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.maestro.stopAll();
		}

	}

	/** 10,000 independent services. */
	public static class Wide extends Graph {

		@Override
		String spec() {
			return "wide-" + SERVICES;
		}

	}

	/** 10,000 services in 100 layers of 100, each depending on 3 of the layer before. */
	public static class Layered extends Graph {

		@Override
		String spec() {
			return "layered-" + SERVICES;
		}

	}

	@Benchmark
	@OperationsPerInvocation(SERVICES)
	public List<BandmasterException> startStopPerServiceWide(Wide graph) {
		return cycle(graph.maestro);
	}

	@Benchmark
	@OperationsPerInvocation(SERVICES)
	public List<BandmasterException> startStopPerServiceLayered(Layered graph) {
		return cycle(graph.maestro);
	}

	private static List<BandmasterException> cycle(Maestro maestro) {
		List<BandmasterException> errors = maestro.startAll();
		if (!errors.isEmpty()) {
			throw errors.get(0);
		}
		return maestro.stopAll();
	}

}
