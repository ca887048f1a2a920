package dev.bandmaster;

import java.util.List;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code startAll} checks the whole graph first, and starts nothing when it is invalid.
 */
class ValidationTests {

	private final Timeline timeline = new Timeline();

	private final Maestro maestro = new Maestro();

	private RecordingService add(String name, boolean required, String... dependencies) {
		RecordingService service = new RecordingService(name, this.timeline);
		this.maestro.addService(name, required, service, dependencies);
		return service;
	}

	@Test
	void reportsEveryMissingDependencyOncePerServiceAndName() {
		RecordingService a = add("a", true, "x", "y");
		RecordingService b = add("b", false, "x", "a");
		RecordingService c = add("c", true);
		List<BandmasterException> errors = this.maestro.startAll();
		assertThat(errors)
			.extracting(BandmasterException::kind, BandmasterException::serviceName, BandmasterException::dependency,
					BandmasterException::required)
			.containsExactlyInAnyOrder(tuple(ErrorKind.DEPENDENCY_MISSING, "a", "x", true),
					tuple(ErrorKind.DEPENDENCY_MISSING, "a", "y", true),
					tuple(ErrorKind.DEPENDENCY_MISSING, "b", "x", false));
		assertThat(List.of(a, b, c)).allSatisfy((service) -> assertThat(service.starts()).isZero());
		assertThat(this.timeline.events()).isEmpty();
		assertThat(List.of("a", "b", "c"))
			.allSatisfy((name) -> assertThat(this.maestro.state(name)).isEqualTo(ServiceState.STOPPED));
	}

	@Test
	void reportsACycleAsThePathThatClosesTheLoop() {
		add("A", true, "D");
		add("D", true, "B");
		add("B", true, "A");
		add("E", true);
		List<BandmasterException> errors = this.maestro.startAll();
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.DEPENDENCY_CIRCULAR);
			assertThat(error.circularDependencies()).containsExactly("A", "D", "B", "A");
			assertThat(error.serviceName()).isEqualTo("A");
		});
		assertThat(this.timeline.events()).isEmpty();
	}

	@Test
	void reportsACycleBehindAnAcyclicPrefix() {
		add("entry", true, "x");
		add("x", true, "y");
		add("y", true, "z");
		add("z", true, "x");
		assertThat(this.maestro.startAll()).singleElement()
			.satisfies((error) -> assertThat(error.circularDependencies()).containsExactly("x", "y", "z", "x"));
	}

	@Test
	void reportsMissingDependenciesAndCyclesTogether() {
		add("a", true, "b");
		add("b", true, "a");
		add("c", true, "ghost");
		assertThat(this.maestro.startAll()).extracting(BandmasterException::kind)
			.containsExactlyInAnyOrder(ErrorKind.DEPENDENCY_MISSING, ErrorKind.DEPENDENCY_CIRCULAR);
		assertThat(this.timeline.events()).isEmpty();
	}

	@Test
	void leavesEveryStateAsItWasWhenTheGraphBecomesInvalid() {
		RecordingService a = add("a", true);
		RecordingService b = add("b", true, "a");
		assertThat(this.maestro.startAll()).isEmpty();
		RecordingService c = add("c", true, "a");
		add("d", true, "missing");
		assertThat(this.maestro.startAll()).extracting(BandmasterException::kind)
			.containsExactly(ErrorKind.DEPENDENCY_MISSING);
		assertThat(c.starts()).isZero();
		assertThat(this.maestro.state("a")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("b")).isEqualTo(ServiceState.STARTED);
		assertThat(this.maestro.state("c")).isEqualTo(ServiceState.STOPPED);
		assertThat(a.starts() + b.starts()).isEqualTo(2);
	}

	@Test
	void validateReportsWithoutStarting() {
		RecordingService a = add("a", true, "b");
		add("b", true, "a");
		assertThat(this.maestro.validate()).extracting(BandmasterException::kind)
			.containsExactly(ErrorKind.DEPENDENCY_CIRCULAR);
		assertThat(a.starts()).isZero();
	}

	@Test
	void validatesAHundredThousandServiceChainWithoutOverflowingTheStack() {
		int size = 100_000;
		Service noop = new NoopService();
		this.maestro.addService("s0", true, noop, "s" + (size - 1));
		for (int i = 1; i < size; i++) {
			this.maestro.addService("s" + i, true, noop, "s" + (i - 1));
		}
		List<BandmasterException> errors = this.maestro.validate();
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.kind()).isEqualTo(ErrorKind.DEPENDENCY_CIRCULAR);
			List<String> loop = error.circularDependencies();
			assertThat(loop).hasSize(size + 1);
			assertThat(loop.get(0)).isEqualTo(loop.get(size));
		});
	}

	@Test
	void validatesAHundredThousandServiceChainThatIsValid() {
		int size = 100_000;
		Service noop = new NoopService();
		this.maestro.addService("s0", true, noop);
		for (int i = 1; i < size; i++) {
			this.maestro.addService("s" + i, true, noop, "s" + (i - 1));
		}
		assertThat(this.maestro.validate()).isEmpty();
	}

	private static final class NoopService implements Service {

		@Override
		public void start(Dependencies dependencies) {
		}

		@Override
		public void stop() {
		}

	}

}
