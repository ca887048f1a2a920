package dev.bandmaster.spring.testsupport;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service that a test breaks and mends, as a server that goes away and comes back:
 * while broken, its check and its starts fail with {@code message}. Counts its start
 * attempts.
 */
public class BreakableService implements Service {

	private final String message;

	private final AtomicInteger startAttempts = new AtomicInteger();

	private volatile boolean broken;

	public BreakableService(String message) {
		this.message = message;
	}

	public void breakDown() {
		this.broken = true;
	}

	public void mend() {
		this.broken = false;
	}

	public int startAttempts() {
		return this.startAttempts.get();
	}

	@Override
	public void start(Dependencies dependencies) throws IOException {
		this.startAttempts.incrementAndGet();
		check();
	}

	@Override
	public void check() throws IOException {
		if (this.broken) {
			throw new IOException(this.message);
		}
	}

	@Override
	public void stop() {
	}

}
