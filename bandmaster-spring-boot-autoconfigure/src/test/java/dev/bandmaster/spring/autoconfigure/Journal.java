package dev.bandmaster.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * What the test services did, in order: {@code start:name} and {@code stop:name} entries, and the
 * {@link System#nanoTime()} of each start attempt.
 */
public class Journal {

	private final List<String> entries = new ArrayList<>();

	private final List<Long> attemptTimes = new ArrayList<>();

	public synchronized void record(String entry) {
		this.entries.add(entry);
	}

	public synchronized void attempt(String name) {
		this.attemptTimes.add(System.nanoTime());
		this.entries.add("attempt:" + name);
	}

	public synchronized List<String> entries() {
		return List.copyOf(this.entries);
	}

	public synchronized List<String> entries(String prefix) {
		return this.entries.stream().filter((entry) -> entry.startsWith(prefix)).toList();
	}

	public synchronized List<Long> attemptTimes() {
		return List.copyOf(this.attemptTimes);
	}

}
