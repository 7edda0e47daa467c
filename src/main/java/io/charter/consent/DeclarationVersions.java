package io.charter.consent;

import static io.charter.platform.Utc.instant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads published declaration versions, and keeps them in memory so that the banner and the consent
 * log answer without the database. A version never changes, so it is kept without expiry. Which
 * version is current is kept per site and re-read in the background at its first use after
 * {@code declaration-refresh} (5 s), so a publication on another instance reaches this one within
 * seconds; while the database is out of reach the last one read is served (stale is better than a
 * stalled website). The re-reads run on two threads of their own, in transactions that give up on a
 * silent connection, so no request ever waits for them.
 *
 * <p>The {@code ...Now} methods are the public paths': what is not in memory yet (a site first asked
 * for after a start, an old version) is read then, but waited for at most {@code lookup-timeout},
 * and not at all while the database is known to be out of reach ({@link DatabaseUnavailable}, 503).
 * The others, for staff pages and jobs, wait for the read.
 *
 * <p>A component, not a {@code @Repository}: that would wrap it in an exception-translation proxy,
 * a reflective call on every banner request, for nothing ({@link JdbcClient} translates already).
 */
@Component
public class DeclarationVersions implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeclarationVersions.class);

	private static final int SITES = 1_000;

	/** One line of a site's change log. */
	public record Change(int version, java.time.Instant publishedAt, boolean material, java.util.Map<String, String> summary) {
	}

	/** A site's id and current version; both null for a site unknown or never published (kept too, as such). */
	public record Published(UUID siteId, Declaration declaration) {

		static final Published NONE = new Published(null, null);

		Optional<Published> ifPublished() {
			return declaration == null ? Optional.empty() : Optional.of(this);
		}
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DatabaseWatch database;
	private final TransactionTemplate reads;
	private final long lookupNanos;
	private final ThreadPoolExecutor readers;
	private final AsyncLoadingCache<String, Published> current;
	private final AsyncLoadingCache<Version, Declaration> versions;

	private record Version(String siteKey, int version) {
	}

	DeclarationVersions(JdbcClient jdbc, JsonMapper json, DatabaseWatch database, ConsentLogSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.database = database;
		this.reads = database.transactions(settings.silentConnectionTimeout(), true);
		this.lookupNanos = settings.lookupTimeout().toNanos();
		AtomicInteger threads = new AtomicInteger();
		this.readers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(SITES), r -> {
			Thread reader = new Thread(r, "declaration-reader-" + threads.incrementAndGet());
			reader.setDaemon(true);
			return reader;
		});
		this.current = Caffeine.newBuilder().maximumSize(SITES).refreshAfterWrite(settings.declarationRefresh())
				.executor(readers).buildAsync(new CacheLoader<String, Published>() {
					@Override
					public Published load(String siteKey) {
						return read(() -> readCurrent(siteKey, null));
					}

					@Override
					public Published reload(String siteKey, Published old) {
						try {
							return read(() -> readCurrent(siteKey, old));
						}
						catch (RuntimeException failed) {
							// Keeps serving what it has; the next use after declaration-refresh tries again.
							if (!DatabaseWatch.isOutage(failed)) {
								log.warn("Current declaration of site {} not re-read: {}", siteKey, failed.toString());
							}
							return old;
						}
					}
				});
		this.versions = Caffeine.newBuilder().maximumSize(SITES).executor(readers)
				.buildAsync(key -> read(() -> readVersion(key.siteKey(), key.version())));
	}

	// --- the public paths: from memory, never a long wait

	/** The site's id and latest published version; empty when the site is unknown or never published. */
	public Optional<Published> publishedNow(String siteKey) {
		CompletableFuture<Published> known = current.getIfPresent(siteKey);
		return awaitNow(known != null ? known : load(current, siteKey)).ifPublished();
	}

	/** The latest published version of a site; empty when the site is unknown or never published. */
	public Optional<Declaration> currentNow(String siteKey) {
		return publishedNow(siteKey).map(Published::declaration);
	}

	/** One published version; empty when it does not exist. */
	public Optional<Declaration> versionNow(String siteKey, int version) {
		Declaration latest = latestInMemory(siteKey);
		if (latest != null && latest.version() == version) {
			return Optional.of(latest);
		}
		Version key = new Version(siteKey, version);
		CompletableFuture<Declaration> known = versions.getIfPresent(key);
		return Optional.ofNullable(awaitNow(known != null ? known : load(versions, key)));
	}

	// --- staff pages and jobs: wait for the database

	/** The latest published version of a site; empty when the site is unknown or never published. */
	public Optional<Declaration> current(String siteKey) {
		return Optional.ofNullable(await(current.get(siteKey)).declaration());
	}

	public Optional<Declaration> version(String siteKey, int version) {
		Declaration latest = latestInMemory(siteKey);
		if (latest != null && latest.version() == version) {
			return Optional.of(latest);
		}
		return Optional.ofNullable(await(versions.get(new Version(siteKey, version))));
	}

	/** Every published version of a site, newest first, for the change log at the top of the declaration. */
	public List<Change> history(String siteKey) {
		return jdbc.sql("""
				select v.version, v.published_at, v.material, v.summary_fr, v.summary_nl, v.summary_en
				from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :site order by v.version desc""").param("site", siteKey)
				.query((rs, n) -> new Change(rs.getInt(1), instant(rs, 2),
						rs.getBoolean(3), java.util.Map.of("fr", rs.getString(4), "nl", rs.getString(5), "en", rs.getString(6))))
				.list();
	}

	/**
	 * After a publication on this instance: re-reads the site's current version now, so the next
	 * request sees it at once. Should the read fail, the one in memory stays until the background
	 * re-read succeeds.
	 */
	public void forgetCurrent(String siteKey) {
		try {
			Published now = read(() -> readCurrent(siteKey, null));
			current.put(siteKey, CompletableFuture.completedFuture(now));
		}
		catch (RuntimeException failed) {
			log.warn("Current declaration of site {} not re-read after its publication: {}", siteKey, failed.toString());
			current.synchronous().refresh(siteKey);
		}
	}

	/** Every site's current version in memory from the start, so an outage finds them there. */
	@EventListener(ApplicationReadyEvent.class)
	void readAllCurrent() {
		try {
			readers.execute(() -> {
				try {
					read(() -> {
						jdbc.sql("""
								select s.site_key, s.id, v.snapshot from consent_site s join declaration_version v on v.site_id = s.id
								where v.version = (select max(w.version) from declaration_version w where w.site_id = s.id)
								order by v.published_at desc limit :sites""").param("sites", SITES)
								.query(rs -> {
									Published site = new Published(rs.getObject(2, UUID.class),
											json.readValue(rs.getString(3), Declaration.class));
									current.asMap().putIfAbsent(rs.getString(1), CompletableFuture.completedFuture(site));
								});
						return null;
					});
				}
				catch (RuntimeException failed) {
					log.warn("Current declarations not read at start: {}", failed.toString());
				}
			});
		}
		catch (RejectedExecutionException stopping) {
			// nothing to warm
		}
	}

	@Override
	public void destroy() {
		readers.shutdownNow();
	}

	private Declaration latestInMemory(String siteKey) {
		CompletableFuture<Published> known = current.getIfPresent(siteKey);
		Published site = known != null && known.isDone() && !known.isCompletedExceptionally() ? known.join() : null;
		return site == null ? null : site.declaration();
	}

	private Published readCurrent(String siteKey, Published old) {
		record Latest(UUID siteId, int version) {
		}
		Optional<Latest> latest = jdbc.sql("""
				select s.id, max(v.version) from consent_site s join declaration_version v on v.site_id = s.id
				where s.site_key = :site group by s.id""").param("site", siteKey)
				.query((rs, n) -> new Latest(rs.getObject(1, UUID.class), rs.getInt(2))).optional();
		if (latest.isEmpty()) {
			return Published.NONE;
		}
		if (old != null && old.declaration() != null && old.declaration().version() == latest.get().version()) {
			return old;
		}
		Declaration declaration = readVersion(siteKey, latest.get().version());
		return declaration == null ? Published.NONE : new Published(latest.get().siteId(), declaration);
	}

	private Declaration readVersion(String siteKey, int version) {
		return jdbc.sql("""
				select v.snapshot from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :site and v.version = :version""").param("site", siteKey).param("version", version)
				.query(String.class).optional().map(snapshot -> json.readValue(snapshot, Declaration.class)).orElse(null);
	}

	/** A read in a bounded transaction, noted by the watch: a success clears an outage, a failure may start one. */
	private <T> T read(Supplier<T> reading) {
		try {
			T result = reads.execute(status -> reading.get());
			database.answered();
			return result;
		}
		catch (RuntimeException failed) {
			if (database.failed(failed)) {
				throw new DatabaseUnavailable("The database did not answer: " + failed.getClass().getSimpleName());
			}
			throw failed;
		}
	}

	/** Starts a read of what is not in memory, unless the readers are all busy. */
	private static <K, T> CompletableFuture<T> load(AsyncLoadingCache<K, T> cache, K key) {
		try {
			return cache.get(key);
		}
		catch (RejectedExecutionException busy) {
			throw new DatabaseUnavailable("Too many reads are waiting for the database.");
		}
	}

	/** What a public path waits for: not at all while the database is out of reach, else {@code lookup-timeout}. */
	private <T> T awaitNow(CompletableFuture<T> pending) {
		if (!pending.isDone()) {
			if (database.down()) {
				throw new DatabaseUnavailable("The database is out of reach and this is not in memory yet.");
			}
			try {
				pending.get(lookupNanos, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException slow) {
				throw new DatabaseUnavailable("The database did not answer in time.");
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new DatabaseUnavailable("Interrupted while waiting for the database.");
			}
			catch (ExecutionException failed) {
				// answered by await below
			}
		}
		return await(pending);
	}

	private static <T> T await(CompletableFuture<T> pending) {
		try {
			return pending.join();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw failed;
		}
	}
}
