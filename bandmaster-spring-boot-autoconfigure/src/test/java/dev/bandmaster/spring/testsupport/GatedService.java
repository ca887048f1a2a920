package dev.bandmaster.spring.testsupport;

import java.util.concurrent.CountDownLatch;

import dev.bandmaster.Dependencies;
import dev.bandmaster.Service;

/**
 * A service whose start waits until the test {@link #open() opens} it: to observe an
 * application while a background boot is still running.
 */
public class GatedService implements Service {

	private final CountDownLatch gate = new CountDownLatch(1);

	public void open() {
		this.gate.countDown();
	}

	@Override
	public void start(Dependencies dependencies) throws InterruptedException {
		this.gate.await();
	}

	@Override
	public void stop() {
	}

}
