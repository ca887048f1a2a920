package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaestroSmokeTests {

	@Test
	void startsInDependencyOrderAndStopsInReverse() {
		ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
		Maestro maestro = new Maestro();
		maestro.addService("c", true, recording("c", events), "b");
		maestro.addService("b", true, recording("b", events), "a");
		maestro.addService("a", true, recording("a", events));
		assertThat(maestro.startAll()).isEmpty();
		assertThat(maestro.stopAll()).isEmpty();
		assertThat(events).containsExactly("start a", "start b", "start c", "stop c", "stop b", "stop a");
	}

	@Test
	void reportsCycle() {
		Maestro maestro = new Maestro();
		Service noop = recording("x", new ConcurrentLinkedQueue<>());
		maestro.addService("A", true, noop, "D");
		maestro.addService("D", true, noop, "B");
		maestro.addService("B", true, noop, "A");
		List<BandmasterException> errors = maestro.startAll(Duration.ofSeconds(5));
		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.circularDependencies()).containsExactly("A", "D", "B", "A"));
	}

	private static Service recording(String name, ConcurrentLinkedQueue<String> events) {
		return new Service() {
			@Override
			public void start(Dependencies dependencies) {
				events.add("start " + name);
			}

			@Override
			public void stop() {
				events.add("stop " + name);
			}
		};
	}

}
