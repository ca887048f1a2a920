package dev.bandmaster.spring.testsupport;

import java.io.IOException;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service that a test breaks and mends, as a server that goes away and comes back:
 * while broken, its check and its starts fail with {@code message}.
 */
public class BreakableService implements Service {

	private final String message;

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

	@Override
	public void start(Dependencies dependencies) throws IOException {
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
