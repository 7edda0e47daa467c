package io.charter.consent.web;

import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * The consent records page of one site: the search, one page of records, statistics and their
 * charts for the period searched (or the last 30 days).
 *
 * @param query the search as a URL query string (already encoded), for paging and export links
 * @param retention how long records are kept ({@code charter.consent.record-retention})
 */
public record ConsentRecordsPage(String siteKey, String visitorId, String consentId, String from, String to,
		List<Row> rows, long total, int page, int pages, String query, ConsentStatistics statistics,
		ConsentChart methods, ConsentChart rates, Period retention, boolean mayPurge) {

	/** One record as listed. */
	public record Row(String consentId, Instant recordedAt, String visitorId, int version, String method,
			String choices, String language, String browser, String pageUrl) {
	}
}
