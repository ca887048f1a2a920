package dev.bandmaster;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform-thread workers of one run on Java 17: tasks wait in one queue, and the
 * pool's threads take them from it in turn, so that a thread whose start returned at once
 * takes the next one itself. Handing every task to a thread of its own, as a pool with a
 * {@code SynchronousQueue} does, costs a thread wake-up or creation per task, which on a
 * wide graph of quick starts is most of the run.
 * <p>
 * Contract, as the engine needs it: <em>a queued task never waits for a running one</em>.
 * At any time a task is queued, at least one <em>free</em> drainer exists, one dispatched
 * to the pool that is not running a task: when a drainer takes a task and leaves others
 * queued with no free drainer left, it dispatches another one before it runs its task;
 * when a task is queued while no drainer is free, the caller dispatches one. So a start
 * that blocks holds up no other, and independent starts run in parallel, as with a thread
 * per task; the pool grows as needed and lets idle threads go.
 * <p>
 * Thread-safe.
 */
final class DrainingExecutor extends AbstractExecutorService {

	private final ThreadPoolExecutor threads;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	/**
	 * Drainers dispatched that run no task: each polls the queue before it ends, and ends
	 * only once it found the queue empty after it stopped counting itself here.
	 */
	private final AtomicInteger free = new AtomicInteger();

	DrainingExecutor(ThreadPoolExecutor threads) {
		this.threads = threads;
	}

	@Override
	public void execute(Runnable task) {
		if (this.threads.isShutdown()) {
			throw new RejectedExecutionException("The workers are shut down");
		}
		this.tasks.add(task);
		// Read after the task is queued: a drainer that stops being free after this read
		// sees the task in the queue (see drain()).
		if (this.free.get() == 0) {
			try {
				addDrainer();
			}
			catch (RejectedExecutionException ex) {
				// Shut down meanwhile: refused, unless a drainer took the task already.
				if (this.tasks.remove(task)) {
					throw ex;
				}
			}
		}
	}

	private void addDrainer() {
		this.free.incrementAndGet();
		try {
			this.threads.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			this.free.decrementAndGet();
			throw ex;
		}
	}

	/**
	 * Runs queued tasks until the queue is empty. Free while it polls; before it runs a
	 * task, it makes sure another free drainer exists if tasks are still queued.
	 */
	private void drain() {
		while (true) {
			Runnable task = this.tasks.poll();
			if (task == null) {
				this.free.decrementAndGet();
				// A task queued after the poll, by a caller that counted this drainer as
				// free, is still seen here.
				if (this.tasks.isEmpty()) {
					return;
				}
				this.free.incrementAndGet();
				continue;
			}
			if (this.free.decrementAndGet() == 0) {
				keepOneFree();
			}
			boolean returned = false;
			try {
				task.run();
				returned = true;
			}
			finally {
				if (returned) {
					this.free.incrementAndGet();
				}
				else {
					// This drainer ends with the task's error: another takes its place.
					keepOneFree();
				}
			}
		}
	}

	/** Dispatches a drainer if tasks are queued and none is free. */
	private void keepOneFree() {
		if (!this.tasks.isEmpty() && this.free.get() == 0) {
			try {
				addDrainer();
			}
			catch (RejectedExecutionException ex) {
				// Shut down: the tasks queued before are run by this drainer once its
				// own returns.
			}
		}
	}

	@Override
	public void shutdown() {
		this.threads.shutdown();
	}

	@Override
	public List<Runnable> shutdownNow() {
		// What the pool returns are drainers, not tasks.
		this.threads.shutdownNow();
		List<Runnable> never = new ArrayList<>();
		Runnable task;
		while ((task = this.tasks.poll()) != null) {
			never.add(task);
		}
		return never;
	}

	@Override
	public boolean isShutdown() {
		return this.threads.isShutdown();
	}

	@Override
	public boolean isTerminated() {
		return this.threads.isTerminated() && this.tasks.isEmpty();
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.threads.awaitTermination(timeout, unit);
	}

}
