package dev.bandmaster.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
 * What the engine's JDK Flight Recorder events ({@code dev.bandmaster.ServiceStart} and
 * {@code dev.bandmaster.ServiceStop}) cost: the start and stop of 10,000 no-op services
 * in 100 layers, per service, as {@link SchedulingBenchmark} measures it, with no
 * recording ({@code off}), with a recording that leaves the events out
 * ({@code recording-without-events}), and with one that records them
 * ({@code recording-events}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FlightRecorderBenchmark {

	private static final int SERVICES = 10_000;

	@Param({ "off", "recording-without-events", "recording-events" })
	public String recording;

	private Maestro maestro;

	private Recording jfr;

	@Setup(Level.Trial)
	public void setUp() {
		this.maestro = Maestros.of(WorkloadGenerator.generate("layered-" + SERVICES).services());
		this.maestro.validate();
		if (!this.recording.equals("off")) {
			this.jfr = new Recording();
			// Kept in memory only, and dropped at the end: the cost of writing a file is
			// not the engine's.
			this.jfr.setToDisk(false);
			if (this.recording.equals("recording-events")) {
				this.jfr.enable("dev.bandmaster.ServiceStart");
				this.jfr.enable("dev.bandmaster.ServiceStop");
			}
			this.jfr.start();
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.maestro.stopAll();
		if (this.jfr != null) {
			this.jfr.close();
		}
	}

	@Benchmark
	@OperationsPerInvocation(SERVICES)
	public List<BandmasterException> startStopPerService() {
		List<BandmasterException> errors = this.maestro.startAll();
		if (!errors.isEmpty()) {
			throw errors.get(0);
		}
		return this.maestro.stopAll();
	}

}
