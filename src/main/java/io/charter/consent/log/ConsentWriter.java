package io.charter.consent.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.consent.ConsentLogSettings;
import io.charter.consent.DatabaseWatch;

/**
 * Group commit of consent records. Requests put their record in a queue and get a future; a few
 * writer threads each take everything waiting (up to {@code batch-size}), insert it as one JDBC
 * batch in one transaction, and complete each future only after the commit. Under load one
 * commit (one fsync) acknowledges hundreds of records; with a single client it is a plain commit.
 *
 * <p>When a batch fails, each of its records is retried in a transaction of its own, so one bad
 * record fails alone. A record whose retry meets its own id (the batch did commit, but the commit
 * answer was lost) counts as written. A future fails only when its record is not stored.
 *
 * <p>When a batch fails because the database is out of reach, nothing is retried: the batch and
 * everything queued are refused (503) at once, and so is every record queued after, until a probe
 * every {@link #PROBE_INTERVAL} finds the database answering again. A commit gives up on a connection
 * that has not answered for twice {@code write-timeout} (its request has had its 503 by then), so a
 * silent network cannot keep the writers away for longer.
 */
@Component
class ConsentWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConsentWriter.class);

	/** Stops after the web server (graceful shutdown) so waiting requests still get their answer. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
	/** When to try again after a 503. */
	static final Duration RETRY = Duration.ofSeconds(1);
	/** How often the writers ask an out-of-reach database whether it is back. */
	static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

	private record Pending(ConsentRecord record, CompletableFuture<ConsentRecord> done) {
	}

	private final ConsentRecords records;
	private final DatabaseWatch database;
	private final TransactionTemplate transactions;
	private final int batchSize;
	private final int threads;
	private final BlockingQueue<Pending> queue;
	private final List<Thread> writers = new ArrayList<>();
	private final AtomicBoolean probing = new AtomicBoolean();
	private volatile long nextProbe;
	private volatile boolean running;
	private volatile boolean stopped;

	ConsentWriter(ConsentRecords records, DatabaseWatch database, ConsentLogSettings settings) {
		this.records = records;
		this.database = database;
		this.transactions = database.transactions(settings.silentConnectionTimeout(), false);
		this.batchSize = Math.max(1, settings.batchSize());
		this.threads = Math.max(1, settings.writerThreads());
		this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
		this.nextProbe = System.nanoTime();
	}

	/**
	 * Queues a record; the future completes after its commit, or fails with a 503 refusal when the
	 * queue is full, the writer is stopped or the database refused the record or is out of reach.
	 */
	CompletableFuture<ConsentRecord> write(ConsentRecord record) {
		CompletableFuture<ConsentRecord> done = new CompletableFuture<>();
		if (stopped || !queue.offer(new Pending(record, done))) {
			done.completeExceptionally(unavailable("Charter is busy; the consent was not recorded. Try again shortly."));
		}
		return done;
	}

	@Override
	public synchronized void start() {
		running = true;
		stopped = false;
		for (int i = 0; i < threads; i++) {
			Thread writer = new Thread(this::run, "consent-writer-" + i);
			writer.setDaemon(true);
			writers.add(writer);
			writer.start();
		}
	}

	@Override
	public synchronized void stop() {
		stopped = true;
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
		Pending left;
		while ((left = queue.poll()) != null) {
			left.done().completeExceptionally(unavailable("Charter is stopping; the consent was not recorded."));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first != null) {
					batch.add(first);
					queue.drainTo(batch, batchSize - 1);
				}
				if (database.down()) {
					refuse(batch);
					probe();
				}
				else if (!batch.isEmpty()) {
					commit(batch);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error e) {
				log.error("Consent writer failed", e);
				for (Pending p : batch) {
					p.done().completeExceptionally(unavailable("The consent could not be recorded. Try again."));
				}
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Pending> batch) {
		List<ConsentRecord> rows = new ArrayList<>(batch.size());
		for (Pending p : batch) {
			rows.add(p.record());
		}
		try {
			transactions.executeWithoutResult(status -> records.insert(rows));
		}
		catch (RuntimeException batchFailed) {
			if (database.failed(batchFailed) || batch.size() > 1 && !answers()) {
				// Retrying each record would wait for the database once per record.
				refuse(batch);
				queue.drainTo(batch);
				refuse(batch);
			}
			else if (batch.size() == 1) {
				retryAlone(batch.get(0), batchFailed);
			}
			else {
				log.warn("A group commit of {} consent records failed ({}); retrying each alone", batch.size(),
						batchFailed.getClass().getSimpleName());
				batch.forEach(p -> retryAlone(p, batchFailed));
			}
			return;
		}
		for (Pending p : batch) {
			p.done().complete(p.record());
		}
	}

	/** Fails records not stored because the database is out of reach. */
	private static void refuse(List<Pending> batch) {
		for (Pending p : batch) {
			p.done().completeExceptionally(unavailable("The database is out of reach; the consent was not recorded. Try again."));
		}
		batch.clear();
	}

	/** While the database is out of reach: one writer at a time asks whether it is back, every PROBE_INTERVAL. */
	private void probe() {
		long now = System.nanoTime();
		if (now - nextProbe < 0 || !probing.compareAndSet(false, true)) {
			return;
		}
		try {
			answers();
		}
		finally {
			nextProbe = System.nanoTime() + PROBE_INTERVAL.toNanos();
			probing.set(false);
		}
	}

	private boolean answers() {
		if (database.answers()) {
			database.answered();
			return true;
		}
		database.markDown("no answer to a probe");
		return false;
	}

	private void retryAlone(Pending pending, RuntimeException first) {
		try {
			transactions.executeWithoutResult(status -> records.insert(List.of(pending.record())));
			pending.done().complete(pending.record());
		}
		catch (DuplicateKeyException alreadyThere) {
			// Ids are made before the first attempt: this one's earlier commit went through.
			pending.done().complete(pending.record());
		}
		catch (RuntimeException failed) {
			if (failed != first) {
				log.warn("Consent record {} could not be stored: {}", pending.record().id(), failed.getClass().getSimpleName());
			}
			if (isStored(pending)) {
				pending.done().complete(pending.record());
			}
			else {
				pending.done().completeExceptionally(unavailable("The consent could not be recorded. Try again."));
			}
		}
	}

	private boolean isStored(Pending pending) {
		try {
			return records.exists(pending.record().id());
		}
		catch (RuntimeException unknown) {
			return false;
		}
	}

	private static ConsentRefused unavailable(String detail) {
		return ConsentRefused.retryLater(HttpStatus.SERVICE_UNAVAILABLE, detail, RETRY);
	}
}
