package dev.bandmaster.spring.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service that records its attempts, starts and stops in a {@link Journal}, and fails
 * its first {@code failures} start attempts with {@code message}.
 */
public class RecordingService implements Service {

	private final String name;

	private final Journal journal;

	private final AtomicInteger failuresLeft;

	private final String message;

	public RecordingService(String name, Journal journal) {
		this(name, journal, 0, "");
	}

	public RecordingService(String name, Journal journal, int failures, String message) {
		this.name = name;
		this.journal = journal;
		this.failuresLeft = new AtomicInteger(failures);
		this.message = message;
	}

	public static RecordingService failingForever(String name, Journal journal, String message) {
		return new RecordingService(name, journal, Integer.MAX_VALUE, message);
	}

	@Override
	public void start(Dependencies dependencies) throws Exception {
		this.journal.attempt(this.name);
		if (this.failuresLeft.getAndDecrement() > 0) {
			throw new IllegalStateException(this.message);
		}
		this.journal.record("start:" + this.name);
	}

	@Override
	public void stop() {
		this.journal.record("stop:" + this.name);
	}

}
