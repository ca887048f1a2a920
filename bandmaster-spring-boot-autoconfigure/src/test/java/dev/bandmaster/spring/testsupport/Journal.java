package dev.bandmaster.spring.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test services did, in order: {@code attempt:name}, {@code start:name} and
 * {@code stop:name} entries, and the {@link System#nanoTime()} of each start attempt of
 * each service.
 */
public class Journal {

	private final List<String> entries = new ArrayList<>();

	private final Map<String, List<Long>> attemptTimes = new HashMap<>();

	public synchronized void record(String entry) {
		this.entries.add(entry);
	}

	public synchronized void attempt(String name) {
		this.attemptTimes.computeIfAbsent(name, (key) -> new ArrayList<>()).add(System.nanoTime());
		this.entries.add("attempt:" + name);
	}

	public synchronized List<String> entries() {
		return List.copyOf(this.entries);
	}

	public synchronized List<String> entries(String prefix) {
		return this.entries.stream().filter((entry) -> entry.startsWith(prefix)).toList();
	}

	public synchronized List<Long> attemptTimes(String name) {
		return List.copyOf(this.attemptTimes.getOrDefault(name, List.of()));
	}

}
