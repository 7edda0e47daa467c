package io.charter.consent;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code charter.consent.*} settings of the consent log.
 *
 * @param rateLimitPerMinute consent writes one source (a /24 or /48 network) may make per minute
 * @param recordRetention how long consent records are kept before the scheduled purge deletes them
 * @param purgeCron when the retention purge runs (server time zone, cron with seconds)
 * @param maxBodySize largest accepted request body of {@code POST /c/{site}/consents}
 * @param batchSize most records one group commit writes in one transaction
 * @param writerThreads threads that write group commits (each holds one database connection while writing)
 * @param queueCapacity records waiting for a group commit before new ones are refused with 503
 * @param writeTimeout how long a request waits for its commit before it is answered 503
 * @param lookupTimeout how long a banner or consent request waits for a site's published declaration that is
 *        not in memory yet before it is answered 503 (at once while the database is known to be out of reach)
 * @param declarationRefresh how often an instance re-reads which version of a site is current, in the background
 *        at the site's next request after this: a publication on another instance shows within this time
 */
@ConfigurationProperties("charter.consent")
public record ConsentLogSettings(@DefaultValue("30") int rateLimitPerMinute, @DefaultValue("5y") Period recordRetention,
		@DefaultValue("0 37 3 * * *") String purgeCron, @DefaultValue("4KB") DataSize maxBodySize,
		@DefaultValue("500") int batchSize, @DefaultValue("2") int writerThreads,
		@DefaultValue("20000") int queueCapacity, @DefaultValue("10s") Duration writeTimeout,
		@DefaultValue("2s") Duration lookupTimeout, @DefaultValue("5s") Duration declarationRefresh) {

	/**
	 * How long the group commit and the banner's background reads wait for an answer on a database
	 * connection before they drop it: twice the write timeout, so a commit that is only slow (a lock)
	 * still goes through, while a connection behind a dead network frees its thread.
	 */
	public Duration silentConnectionTimeout() {
		return writeTimeout.multipliedBy(2);
	}
}
