package dev.bandmaster.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTests {

	@Test
	void criticalPathIsTheLongestChainOfStartTimesNotTheDeepest() {
		// db -> cache -> api is deeper (3 services, 10 + 5 + 5) than db -> search (2
		// services, 10 + 40).
		Workload workload = workload(spec("db", 10), spec("cache", 5, "db"), spec("api", 5, "cache"),
				spec("search", 40, "db"));

		assertThat(workload.criticalPathMillis()).isEqualTo(50);
		assertThat(workload.levelCount()).isEqualTo(3);
	}

	@Test
	void criticalPathWaitsForTheSlowestDependency() {
		Workload workload = workload(spec("a", 10), spec("b", 30), spec("c", 7, "a", "b"));

		assertThat(workload.criticalPathMillis()).isEqualTo(37);
	}

	@Test
	void criticalPathOfIndependentServicesIsTheSlowestOne() {
		Workload workload = workload(spec("a", 10), spec("b", 30), spec("c", 20));

		assertThat(workload.criticalPathMillis()).isEqualTo(30);
		assertThat(workload.totalStartMillis()).isEqualTo(60);
		assertThat(workload.hasDependencies()).isFalse();
	}

	@Test
	void criticalPathCoversALongChainWithoutRecursion() {
		List<ServiceSpec> chain = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			chain.add((i == 0) ? spec("s0", 1) : spec("s" + i, 1, "s" + (i - 1)));
		}

		Workload workload = new Workload("chain", chain);

		assertThat(workload.criticalPathMillis()).isEqualTo(100_000);
		assertThat(workload.level(99_999)).isEqualTo(99_999);
	}

	@Test
	void levelsCountFromTheServicesWithoutDependencies() {
		Workload workload = workload(spec("top", 0, "mid", "base"), spec("mid", 0, "base"), spec("base", 0));

		assertThat(workload.level(0)).isEqualTo(2);
		assertThat(workload.level(1)).isEqualTo(1);
		assertThat(workload.level(2)).isZero();
		assertThat(workload.inTopologicalOrder()).extracting(ServiceSpec::name).containsExactly("base", "mid", "top");
	}

	@Test
	void emptyWorkloadHasNothingToWaitFor() {
		Workload workload = workload();

		assertThat(workload.criticalPathMillis()).isZero();
		assertThat(workload.levelCount()).isZero();
	}

	private static Workload workload(ServiceSpec... services) {
		return new Workload("test", List.of(services));
	}

	private static ServiceSpec spec(String name, int startMillis, String... dependencies) {
		return new ServiceSpec(name, startMillis, List.of(dependencies));
	}

}
