package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hundred thousand services in a layered graph start and stop without a hang or a
 * quadratic blow-up. The only time limit is the runs' own loose deadline: a wall-clock
 * assertion would only make CI flaky.
 */
// Two runs of at most LOOSE_DEADLINE each, and the graph's building: above the default
// timeout of junit-platform.properties, which would otherwise cut the runs' own deadline
// short.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ScaleTests {

	private static final int LAYERS = 100;

	private static final int WIDTH = 1000;

	private static final int SIZE = LAYERS * WIDTH;

	/** Each service depends on these offsets into the previous layer. */
	private static final int[] OFFSETS = { 0, 1, 7 };

	private static final Duration LOOSE_DEADLINE = Duration.ofSeconds(60);

	private static final int STOPPED = 0;

	private static final int STARTED = 1;

	private final AtomicIntegerArray states = new AtomicIntegerArray(SIZE);

	private final LongAdder violations = new LongAdder();

	private final int[][] dependents = new int[SIZE][];

	@Test
	void startsAndStopsAHundredThousandServicesInDependencyOrder() {
		Maestro maestro = layeredGraph(-1);
		assertThat(maestro.validate()).isEmpty();
		assertThat(maestro.startAll(LOOSE_DEADLINE)).isEmpty();
		assertThat(this.violations.sum()).as("services started before a dependency").isZero();
		for (int i = 0; i < SIZE; i++) {
			assertThat(this.states.get(i)).isEqualTo(STARTED);
		}
		assertThat(maestro.stopAll(LOOSE_DEADLINE)).isEmpty();
		assertThat(this.violations.sum()).as("services stopped before a dependent").isZero();
		for (int i = 0; i < SIZE; i++) {
			assertThat(this.states.get(i)).isEqualTo(STOPPED);
		}
	}

	@Test
	void skipsTheWholeSubtreeOfAFailureAtTheBottomOfAHundredThousandServices() {
		int failing = WIDTH / 2;
		Maestro maestro = layeredGraph(failing);
		List<BandmasterException> errors = maestro.startAll(LOOSE_DEADLINE);
		boolean[] blocked = transitiveDependents(failing);
		int expectedSkipped = 0;
		for (boolean skipped : blocked) {
			expectedSkipped += skipped ? 1 : 0;
		}
		Map<ErrorKind, Long> kinds = errors.stream()
			.collect(Collectors.groupingBy(BandmasterException::kind, Collectors.counting()));
		assertThat(kinds).containsOnlyKeys(ErrorKind.SERVICE_START_FAILURE, ErrorKind.DEPENDENCY_UNAVAILABLE);
		assertThat(kinds.get(ErrorKind.SERVICE_START_FAILURE)).isEqualTo(1);
		assertThat(kinds.get(ErrorKind.DEPENDENCY_UNAVAILABLE)).isEqualTo(expectedSkipped);
		for (int i = 0; i < SIZE; i++) {
			assertThat(this.states.get(i)).as("service %d", i)
				.isEqualTo((blocked[i] || i == failing) ? STOPPED : STARTED);
		}
		assertThat(this.violations.sum()).isZero();
		assertThat(maestro.stopAll(LOOSE_DEADLINE)).isEmpty();
	}

	private Maestro layeredGraph(int failing) {
		Maestro maestro = new Maestro();
		int[] dependentCounts = new int[SIZE];
		int[][] dependencies = new int[SIZE][];
		for (int index = 0; index < SIZE; index++) {
			int layer = index / WIDTH;
			dependencies[index] = new int[(layer == 0) ? 0 : OFFSETS.length];
			for (int k = 0; k < dependencies[index].length; k++) {
				int dependency = (layer - 1) * WIDTH + (index % WIDTH + OFFSETS[k]) % WIDTH;
				dependencies[index][k] = dependency;
				dependentCounts[dependency]++;
			}
		}
		for (int index = 0; index < SIZE; index++) {
			this.dependents[index] = new int[dependentCounts[index]];
			dependentCounts[index] = 0;
		}
		for (int index = 0; index < SIZE; index++) {
			for (int dependency : dependencies[index]) {
				this.dependents[dependency][dependentCounts[dependency]++] = index;
			}
		}
		Function<Integer, String> name = (index) -> "s" + index;
		for (int index = 0; index < SIZE; index++) {
			String[] names = new String[dependencies[index].length];
			for (int k = 0; k < names.length; k++) {
				names[k] = name.apply(dependencies[index][k]);
			}
			maestro.addService(name.apply(index), true, new Checked(index, dependencies[index], index == failing),
					names);
		}
		return maestro;
	}

	private boolean[] transitiveDependents(int root) {
		boolean[] seen = new boolean[SIZE];
		Deque<Integer> queue = new ArrayDeque<>();
		queue.add(root);
		while (!queue.isEmpty()) {
			for (int dependent : this.dependents[queue.poll()]) {
				if (!seen[dependent]) {
					seen[dependent] = true;
					queue.add(dependent);
				}
			}
		}
		return seen;
	}

	/**
	 * Checks, as it starts, that its dependencies are started and, as it stops, that its
	 * dependents are stopped.
	 */
	private final class Checked implements Service {

		private final int index;

		private final int[] dependencies;

		private final boolean fails;

		Checked(int index, int[] dependencies, boolean fails) {
			this.index = index;
			this.dependencies = dependencies;
			this.fails = fails;
		}

		@Override
		public void start(Dependencies given) {
			if (this.fails) {
				throw new IllegalStateException("fails on purpose");
			}
			for (int dependency : this.dependencies) {
				if (ScaleTests.this.states.get(dependency) != STARTED) {
					ScaleTests.this.violations.increment();
				}
			}
			if (!ScaleTests.this.states.compareAndSet(this.index, STOPPED, STARTED)) {
				ScaleTests.this.violations.increment();
			}
		}

		@Override
		public void stop() {
			for (int dependent : ScaleTests.this.dependents[this.index]) {
				if (ScaleTests.this.states.get(dependent) != STOPPED) {
					ScaleTests.this.violations.increment();
				}
			}
			if (!ScaleTests.this.states.compareAndSet(this.index, STARTED, STOPPED)) {
				ScaleTests.this.violations.increment();
			}
		}

	}

}
