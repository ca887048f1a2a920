package dev.bandmaster;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the threads service code runs on: virtual threads from Java 21 on, daemon pool
 * threads on Java 17. The build runs this class on both (see {@code .ci/run}).
 */
class WorkersTests {

	@Test
	void runsServiceCodeOnVirtualThreadsFromJava21AndOnDaemonPoolThreadsBefore() throws Exception {
		AtomicReference<Thread> thread = new AtomicReference<>();
		Maestro maestro = new Maestro();
		maestro.addService("probe", true,
				new RecordingService("probe", new Timeline()).onStart(() -> thread.set(Thread.currentThread())));
		assertThat(maestro.startAll()).isEmpty();
		boolean virtualThreadsExist = Runtime.version().feature() >= 21;
		assertThat(Workers.virtual()).isEqualTo(virtualThreadsExist);
		assertThat(isVirtual(thread.get())).isEqualTo(virtualThreadsExist);
		if (!virtualThreadsExist) {
			assertThat(thread.get().isDaemon()).isTrue();
			assertThat(thread.get().getName()).startsWith("bandmaster-").contains("-worker-");
		}
	}

	@Test
	void runsEachLinkOfAChainOnTheThreadThatStartedItsDependency() {
		// A worker runs a dependent it made ready itself instead of handing it over: a
		// chain costs no handoff per link.
		Map<String, Thread> threads = new ConcurrentHashMap<>();
		Maestro maestro = new Maestro();
		String previous = null;
		for (int i = 0; i < 5; i++) {
			String name = "link" + i;
			RecordingService link = new RecordingService(name, new Timeline())
				.onStart(() -> threads.put(name, Thread.currentThread()));
			if (previous == null) {
				maestro.addService(name, true, link);
			}
			else {
				maestro.addService(name, true, link, previous);
			}
			previous = name;
		}
		assertThat(maestro.startAll()).isEmpty();
		assertThat(threads).hasSize(5);
		assertThat(new HashSet<>(threads.values())).hasSize(1);
	}

	private static boolean isVirtual(Thread thread) throws Exception {
		try {
			Method isVirtual = Thread.class.getMethod("isVirtual");
			return (boolean) isVirtual.invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
