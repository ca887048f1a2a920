package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.bandmaster.testkit.FlakyService;
import dev.bandmaster.testkit.RecordingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serviceReady} returns a service as soon as it is started, and keeps waiting
 * through failures.
 */
class ServiceReadyTests {

	private final Maestro maestro = new Maestro();

	/**
	 * Threads of their own: the common pool may have a single thread on a small machine.
	 */
	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final List<Thread> waiters = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutDownCallers() {
		this.callers.shutdownNow();
		this.waiters.forEach(Thread::interrupt);
	}

	/**
	 * Calls {@code serviceReady} on a thread of its own and returns once that thread is
	 * parked in it: from then on only the service's start (or the 20 s timeout, far away)
	 * wakes it, so a result not yet there means that the call waits rather than having
	 * returned early.
	 */
	private CompletableFuture<Service> waitingForReady(String name) throws InterruptedException {
		CompletableFuture<Service> ready = new CompletableFuture<>();
		Thread waiter = new Thread(() -> ready.complete(this.maestro.serviceReady(name, Duration.ofSeconds(20))));
		this.waiters.add(waiter);
		waiter.start();
		Pauses.awaitTimedWaiting(waiter);
		return ready;
	}

	@Test
	void returnsAsSoonAsTheServiceStarts() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		RecordingService a = new RecordingService("a").onStart(() -> release.await(10, TimeUnit.SECONDS));
		this.maestro.addService("a", true, a);
		CompletableFuture<Service> ready = waitingForReady("a");
		CompletableFuture<List<BandmasterException>> boot = CompletableFuture.supplyAsync(this.maestro::startAll,
				this.callers);
		assertThat(ready).isNotDone();
		release.countDown();
		assertThat(ready.get(10, TimeUnit.SECONDS)).isSameAs(a);
		assertThat(boot.get(10, TimeUnit.SECONDS)).isEmpty();
	}

	@Test
	void returnsAStartedServiceAtOnce() {
		RecordingService a = new RecordingService("a");
		this.maestro.addService("a", true, a);
		this.maestro.startAll();
		long began = System.nanoTime();
		assertThat(this.maestro.serviceReady("a", Duration.ofSeconds(30))).isSameAs(a);
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void returnsNullAtOnceForAnUnknownName() {
		long began = System.nanoTime();
		assertThat(this.maestro.serviceReady("nope", Duration.ofSeconds(30))).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void returnsNullWhenTheTimeoutPasses() {
		this.maestro.addService("a", true, new RecordingService("a"));
		long began = System.nanoTime();
		assertThat(this.maestro.serviceReady("a", Duration.ofMillis(100))).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(95));
		assertThat(this.maestro.serviceReady("a", Duration.ZERO)).isNull();
	}

	@Test
	void waitsThroughAFailureUntilALaterStartAllStartsIt() throws Exception {
		FlakyService flaky = new FlakyService(1);
		this.maestro.addService("flaky", true, flaky);
		CompletableFuture<Service> ready = waitingForReady("flaky");
		assertThat(this.maestro.startAll()).hasSize(1);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.FAILED);
		// Still parked after the failure: the failure did not wake it.
		Pauses.awaitTimedWaiting(this.waiters.get(0));
		assertThat(ready).isNotDone();
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(ready.get(10, TimeUnit.SECONDS)).isSameAs(flaky);
	}

	@Test
	void waitsForAServiceThatIsAlreadyFailedUntilALaterStartAllStartsIt() throws Exception {
		FlakyService flaky = new FlakyService(1);
		this.maestro.addService("flaky", true, flaky);
		assertThat(this.maestro.startAll()).hasSize(1);
		assertThat(this.maestro.serviceReady("flaky", Duration.ofMillis(50))).isNull();
		CompletableFuture<Service> ready = waitingForReady("flaky");
		assertThat(ready).isNotDone();
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(ready.get(10, TimeUnit.SECONDS)).isSameAs(flaky);
	}

	@Test
	void waitsForAServiceStartedAgainAfterAStop() throws Exception {
		RecordingService a = new RecordingService("a");
		this.maestro.addService("a", true, a);
		this.maestro.startAll();
		this.maestro.stopAll();
		assertThat(this.maestro.serviceReady("a", Duration.ofMillis(50))).isNull();
		CompletableFuture<Service> ready = waitingForReady("a");
		assertThat(ready).isNotDone();
		this.maestro.startAll();
		assertThat(ready.get(10, TimeUnit.SECONDS)).isSameAs(a);
	}

	@Test
	void returnsNullWhenInterruptedAndKeepsTheFlag() throws Exception {
		this.maestro.addService("a", true, new RecordingService("a"));
		AtomicBoolean flagKept = new AtomicBoolean();
		CompletableFuture<Service> result = new CompletableFuture<>();
		Thread waiter = new Thread(() -> {
			result.complete(this.maestro.serviceReady("a", Duration.ofSeconds(30)));
			flagKept.set(Thread.currentThread().isInterrupted());
		});
		waiter.start();
		Pauses.awaitTimedWaiting(waiter);
		waiter.interrupt();
		waiter.join(10_000);
		assertThat(waiter.isAlive()).isFalse();
		assertThat(result.get()).isNull();
		assertThat(flagKept).isTrue();
	}

}
