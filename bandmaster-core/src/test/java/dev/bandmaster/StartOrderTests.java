package dev.bandmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.SleepyService;
import dev.bandmaster.testkit.Timeline;
import dev.bandmaster.testkit.Timeline.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Independent services start in parallel; a service starts only once all its dependencies
 * have started, and is handed them.
 */
class StartOrderTests extends BandTestSupport {

	@Test
	void startsIndependentServicesInParallel() {
		int count = 8;
		// Every start waits for all the others to be inside their start: only a parallel
		// boot gets through.
		CyclicBarrier allInside = new CyclicBarrier(count);
		for (int i = 0; i < count; i++) {
			add("s" + i).onStart(() -> allInside.await(10, TimeUnit.SECONDS));
		}
		assertThat(this.maestro.startAll()).isEmpty();
	}

	@Test
	void startsTheDependentsOfOneServiceInParallel() {
		add("root");
		CyclicBarrier allInside = new CyclicBarrier(3);
		for (int i = 0; i < 3; i++) {
			add("leaf" + i, "root").onStart(() -> allInside.await(10, TimeUnit.SECONDS));
		}
		assertThat(this.maestro.startAll()).isEmpty();
	}

	@Test
	void startsAServiceOnlyAfterAllItsDependenciesStarted() {
		// A diamond with slow branches: top waits on both, and both wait on bottom.
		add("bottom").onStart(() -> Thread.sleep(20));
		add("left", "bottom").onStart(() -> Thread.sleep(40));
		add("right", "bottom").onStart(() -> Thread.sleep(5));
		add("top", "left", "right");
		assertThat(this.maestro.startAll()).isEmpty();
		assertStartedBefore("bottom", "left");
		assertStartedBefore("bottom", "right");
		assertStartedBefore("left", "top");
		assertStartedBefore("right", "top");
	}

	@Test
	void doesNotHoldBackAServiceBehindAnUnrelatedSlowOne() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<ServiceState> slowStateWhenFastStarted = new AtomicReference<>();
		add("slow").onStart(() -> release.await(10, TimeUnit.SECONDS));
		add("base");
		add("fast", "base").onStart(() -> {
			slowStateWhenFastStarted.set(this.maestro.state("slow"));
			release.countDown();
		});
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(slowStateWhenFastStarted).hasValue(ServiceState.STARTING);
	}

	@Test
	void showsAServiceAsStartingWhileItsStartRuns() {
		AtomicReference<ServiceState> during = new AtomicReference<>();
		add("a").onStart(() -> during.set(this.maestro.state("a")));
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(during).hasValue(ServiceState.STARTING);
		assertThat(this.maestro.state("a")).isEqualTo(ServiceState.STARTED);
	}

	@Test
	void handsTheDirectDependenciesToStart() {
		RecordingService db = add("db");
		SleepyService cache = new SleepyService(Duration.ZERO);
		this.maestro.addService("cache", true, cache, "db");
		RecordingService app = add("app", "db", "cache");
		assertThat(this.maestro.startAll()).isEmpty();
		Dependencies dependencies = app.lastDependencies();
		assertThat(dependencies.names()).containsExactly("db", "cache");
		assertThat(dependencies.get("db")).isSameAs(db);
		assertThat(dependencies.get("cache", SleepyService.class)).isSameAs(cache);
		assertThat(dependencies.get("cache", Service.class)).isSameAs(cache);
		assertThat(db.lastDependencies().names()).isEmpty();
	}

	@Test
	void refusesToHandOverAServiceThatIsNotADirectDependency() {
		add("db");
		add("cache", "db");
		RecordingService app = add("app", "cache");
		assertThat(this.maestro.startAll()).isEmpty();
		Dependencies dependencies = app.lastDependencies();
		assertThatIllegalArgumentException().isThrownBy(() -> dependencies.get("db"));
		assertThatIllegalArgumentException().isThrownBy(() -> dependencies.get("app"));
		assertThatIllegalArgumentException().isThrownBy(() -> dependencies.get("nope", Service.class));
		assertThatIllegalArgumentException().isThrownBy(() -> dependencies.get("cache", SleepyService.class));
	}

	@Test
	void startsEachServiceOnceAcrossALayeredGraph() {
		List<RecordingService> services = new ArrayList<>();
		for (int layer = 0; layer < 5; layer++) {
			for (int i = 0; i < 6; i++) {
				List<String> dependencies = new ArrayList<>();
				if (layer > 0) {
					dependencies.add("s" + (layer - 1) + "-" + i);
					dependencies.add("s" + (layer - 1) + "-" + ((i + 1) % 6));
				}
				services.add(add("s" + layer + "-" + i, dependencies.toArray(String[]::new)));
			}
		}
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(services).allSatisfy((service) -> {
			assertThat(service.starts()).isEqualTo(1);
			assertThat(service.violations()).isEmpty();
			for (String dependency : service.lastDependencies().names()) {
				assertStartedBefore(dependency, service.name());
			}
		});
	}

	private void assertStartedBefore(String dependency, String dependent) {
		Timeline.Event started = this.timeline.last(dependency, Kind.STARTED).orElseThrow();
		Timeline.Event began = this.timeline.first(dependent, Kind.START_BEGAN).orElseThrow();
		assertThat(started.sequence()).as("%s started before %s began starting", dependency, dependent)
			.isLessThan(began.sequence());
	}

}
