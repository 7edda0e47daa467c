package io.charter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same step on several threads released at the same instant, for races against the real
 * database: every thread is started and waiting on one latch before any may go.
 */
public final class Concurrently {

	/** One thread's step; {@code i} tells the threads apart. */
	@FunctionalInterface
	public interface Step {
		Object run(int i) throws Exception;
	}

	private Concurrently() {
	}

	/** What each thread got, in thread order: its result, or the exception it threw. */
	public static List<Object> run(int threads, Step step) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					try {
						return step.run(n);
					}
					catch (Exception e) {
						return e;
					}
				}));
			}
			if (!ready.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The threads did not start");
			}
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				try {
					outcomes.add(future.get(60, TimeUnit.SECONDS));
				}
				catch (ExecutionException e) {
					outcomes.add(e.getCause());
				}
				catch (java.util.concurrent.TimeoutException e) {
					throw new IllegalStateException("A thread did not finish", e);
				}
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
