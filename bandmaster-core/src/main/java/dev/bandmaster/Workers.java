package dev.bandmaster;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The threads that run {@link Service#start} and {@link Service#stop}. A blocking start
 * must not hold back an unrelated one, so the graph's parallelism is never capped: on
 * Java 21 and later every call gets a virtual thread; on Java 17, a pool that grows as
 * needed and lets idle threads go, whose threads take the calls from one queue in turn
 * ({@link DrainingExecutor}): a thread whose call returned at once takes the next one,
 * rather than every call waking or creating a thread of its own.
 * <p>
 * A maestro without an executor of its own makes one per run and shuts it down when the
 * run ends, so no thread outlives the run (beyond one still busy in a service that
 * ignores interruption).
 */
final class Workers {

	private static final @Nullable MethodHandle VIRTUAL_THREAD_EXECUTOR = findVirtualThreadExecutor();

	private static final AtomicInteger poolNumber = new AtomicInteger();

	private Workers() {
	}

	/**
	 * Tells whether workers are virtual threads on this JVM.
	 * @return {@code true} on Java 21 and later
	 */
	static boolean virtual() {
		return VIRTUAL_THREAD_EXECUTOR != null;
	}

	static ExecutorService newExecutor() {
		if (VIRTUAL_THREAD_EXECUTOR != null) {
			try {
				return (ExecutorService) VIRTUAL_THREAD_EXECUTOR.invokeExact();
			}
			catch (Throwable ex) {
				throw new IllegalStateException("Could not create a virtual-thread executor", ex);
			}
		}
		ThreadFactory threads = daemonThreads("bandmaster-" + poolNumber.incrementAndGet() + "-worker-");
		return new DrainingExecutor(
				new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), threads));
	}

	static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory defaults = Executors.defaultThreadFactory();
		return (runnable) -> {
			Thread thread = defaults.newThread(runnable);
			thread.setName(prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static @Nullable MethodHandle findVirtualThreadExecutor() {
		try {
			return MethodHandles.publicLookup()
				.findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
						MethodType.methodType(ExecutorService.class));
		}
		catch (NoSuchMethodException | IllegalAccessException ex) {
			return null;
		}
	}

}
