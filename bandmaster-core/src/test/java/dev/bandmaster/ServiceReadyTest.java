package dev.bandmaster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
class ServiceReadyTest {

	private final Maestro maestro = new Maestro();

	/**
	 * Threads of their own: the common pool may have a single thread on a small machine.
	 */
	private final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void shutDownCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void returnsAsSoonAsTheServiceStarts() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		RecordingService a = new RecordingService("a").onStart(() -> release.await(10, TimeUnit.SECONDS));
		this.maestro.addService("a", true, a);
		CompletableFuture<Service> ready = CompletableFuture
			.supplyAsync(() -> this.maestro.serviceReady("a", Duration.ofSeconds(20)), this.callers);
		CompletableFuture<List<BandmasterException>> boot = CompletableFuture.supplyAsync(this.maestro::startAll,
				this.callers);
		Thread.sleep(50);
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
		CompletableFuture<Service> ready = CompletableFuture
			.supplyAsync(() -> this.maestro.serviceReady("flaky", Duration.ofSeconds(20)), this.callers);
		assertThat(this.maestro.startAll()).hasSize(1);
		assertThat(this.maestro.state("flaky")).isEqualTo(ServiceState.FAILED);
		Thread.sleep(50);
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
		CompletableFuture<Service> ready = CompletableFuture
			.supplyAsync(() -> this.maestro.serviceReady("flaky", Duration.ofSeconds(20)), this.callers);
		Thread.sleep(50);
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
		CompletableFuture<Service> ready = CompletableFuture
			.supplyAsync(() -> this.maestro.serviceReady("a", Duration.ofSeconds(20)), this.callers);
		Thread.sleep(50);
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
		Thread.sleep(50);
		waiter.interrupt();
		waiter.join(10_000);
		assertThat(waiter.isAlive()).isFalse();
		assertThat(result.get()).isNull();
		assertThat(flagKept).isTrue();
	}

}
