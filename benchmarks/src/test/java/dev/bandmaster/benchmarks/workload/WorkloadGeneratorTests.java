package dev.bandmaster.benchmarks.workload;

import java.util.IntSummaryStatistics;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadGeneratorTests {

	@Test
	void chainIsOneLongLineOfNoOps() {
		Workload chain = WorkloadGenerator.generate("chain-1000");

		assertThat(chain.size()).isEqualTo(1000);
		assertThat(chain.levelCount()).isEqualTo(1000);
		assertThat(chain.criticalPathMillis()).isZero();
	}

	@Test
	void wideHasNoDependencies() {
		Workload wide = WorkloadGenerator.generate("wide-10000");

		assertThat(wide.size()).isEqualTo(10_000);
		assertThat(wide.hasDependencies()).isFalse();
	}

	@Test
	void layeredMatchesTheReferenceFilesLayersAndFanIn() {
		Workload layered = WorkloadGenerator.generate("layered-100000");

		assertThat(layered.size()).isEqualTo(100_000);
		assertThat(layered.levelCount()).isEqualTo(100);
		assertThat(layered.services().get(1000).name()).isEqualTo("s1_0");
		assertThat(layered.services().subList(1000, 100_000)).allSatisfy((spec) -> {
			assertThat(spec.dependencies()).hasSize(3).doesNotHaveDuplicates();
			assertThat(spec.dependencies())
				.allSatisfy((dependency) -> assertThat(layerOf(dependency)).isEqualTo(layerOf(spec.name()) - 1));
		});
		assertThat(WorkloadGenerator.generate("layered-80").levelCount()).isEqualTo(8);
		assertThat(WorkloadGenerator.generate("layered-1000").levelCount()).isEqualTo(20);
	}

	@Test
	void sleepyHasTenLayersOfTwentyMilliseconds() {
		Workload sleepy = WorkloadGenerator.generate("sleepy-200");

		assertThat(sleepy.levelCount()).isEqualTo(10);
		assertThat(sleepy.criticalPathMillis()).isEqualTo(200);
		assertThat(sleepy.services().get(20).dependencies()).hasSize(2);
	}

	@Test
	void sleepyMixedDrawsUnevenStartTimesFromFiveToAHundredMilliseconds() {
		Workload mixed = WorkloadGenerator.generate("sleepy-mixed-300");

		IntSummaryStatistics starts = mixed.services()
			.stream()
			.collect(Collectors.summarizingInt(ServiceSpec::startMillis));
		assertThat(mixed.levelCount()).isEqualTo(10);
		assertThat(starts.getMin()).isGreaterThanOrEqualTo(5);
		assertThat(starts.getMax()).isLessThanOrEqualTo(100);
		Set<Integer> distinct = mixed.services().stream().map(ServiceSpec::startMillis).collect(Collectors.toSet());
		assertThat(distinct).hasSizeGreaterThan(50);
		assertThat(mixed.criticalPathMillis()).isBetween(500L, 1000L);
	}

	@Test
	void sleepyWideIsIndependentFiftyMillisecondStarts() {
		Workload wide = WorkloadGenerator.generate("sleepy-wide-2000");

		assertThat(wide.hasDependencies()).isFalse();
		assertThat(wide.criticalPathMillis()).isEqualTo(50);
		assertThat(wide.totalStartMillis()).isEqualTo(100_000);
	}

	@Test
	void sameSpecSameWorkload() {
		assertThat(WorkloadGenerator.generate("sleepy-mixed-90").services())
			.isEqualTo(WorkloadGenerator.generate("sleepy-mixed-90").services());
	}

	@Test
	void sizesOffTheReferenceTableStillMakeFullLayers() {
		Workload layered = WorkloadGenerator.generate("layered-50");

		assertThat(layered.size()).isEqualTo(50);
		assertThat(layered.levelCount()).isGreaterThan(1);
	}

	@Test
	void rejectsAnUnknownSpec() {
		assertThat(WorkloadGenerator.isSpec("pyramid-10")).isFalse();
		assertThatThrownBy(() -> WorkloadGenerator.generate("pyramid-10")).isInstanceOf(WorkloadException.class)
			.hasMessageStartingWith("Unknown workload spec 'pyramid-10'");
	}

	private static int layerOf(String name) {
		return Integer.parseInt(name.substring(1, name.indexOf('_')));
	}

}
