package dev.bandmaster.spring.gate;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a blocking client call that may not answer interruption (JDBC drivers and some
 * network clients do not) on a thread of its own and waits for it interruptibly, so that
 * an attempt timeout or a cancelled boot ends the attempt at once. The call's thread, a
 * daemon, is interrupted and left to finish by itself.
 */
final class InterruptibleCall {

	private InterruptibleCall() {
	}

	static <T> T call(String description, Callable<T> call) throws Exception {
		FutureTask<T> task = new FutureTask<>(call);
		Thread thread = new Thread(task, "bandmaster-gate-" + description);
		thread.setDaemon(true);
		thread.start();
		try {
			return task.get();
		}
		catch (InterruptedException ex) {
			task.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
