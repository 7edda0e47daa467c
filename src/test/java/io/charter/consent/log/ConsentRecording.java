package io.charter.consent.log;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContext;

import io.charter.consent.log.retention.ConsentRetention;

/**
 * The consent log's write and purge as tests of other packages of the module reach them: a record
 * goes through {@link ConsentLog} (checks, group commit) exactly as a banner's request does.
 */
public final class ConsentRecording {

	private final ConsentLog log;
	private final ConsentRetention retention;
	private final ConsentRecords records;

	public ConsentRecording(ApplicationContext context) {
		this.log = context.getBean(ConsentLog.class);
		this.retention = context.getBean(ConsentRetention.class);
		this.records = context.getBean(ConsentRecords.class);
	}

	/** Records a consent as the site's banner sends it; returns its id once committed. */
	public String record(String siteKey, String body) throws Exception {
		return log.record(new ConsentLog.Submission(siteKey, ConsentLogSites.ORIGIN, "192.0.2.10", "Firefox/132.0",
				body.getBytes(java.nio.charset.StandardCharsets.UTF_8), false)).get(10, TimeUnit.SECONDS).consentId();
	}

	/** The retention purge of one site with this cut-off. */
	public int purge(String siteKey, Instant cutoff) {
		return retention.purge(siteKey, records.siteId(siteKey).orElseThrow(), cutoff);
	}
}
