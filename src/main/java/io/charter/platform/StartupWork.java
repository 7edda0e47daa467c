package io.charter.platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A piece of start-up work run on a thread of its own while the main thread goes on, and awaited
 * before the start goes past the point that needs it. {@link #await()} throws what the work threw,
 * so a failure fails the start with its own error, as if it had run on the main thread.
 */
public final class StartupWork {

	/** Nothing to wait for. */
	public static final StartupWork NONE = new StartupWork(CompletableFuture.completedFuture(null));

	private final CompletableFuture<Void> done;

	private StartupWork(CompletableFuture<Void> done) {
		this.done = done;
	}

	/** Starts {@code work} on a daemon thread named {@code name}. */
	public static StartupWork begin(String name, Runnable work) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				work.run();
				done.complete(null);
			}
			catch (Throwable failed) {
				done.completeExceptionally(failed);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return new StartupWork(done);
	}

	/** Waits for the work; throws what it threw. */
	public void await() {
		try {
			done.join();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (failed.getCause() instanceof Error cause) {
				throw cause;
			}
			throw failed;
		}
	}
}
