package io.charter.consent.web;

import java.util.List;

/**
 * The consent records page of one site: the search, one page of records, statistics and their
 * charts for the period searched (or the last 30 days).
 *
 * @param query the search as a URL query string (already encoded), for paging and export links
 */
public record ConsentRecordsPage(String siteKey, String visitorId, String consentId, String from, String to,
		List<Row> rows, long total, int page, int pages, String query, ConsentStatistics statistics,
		ConsentChart methods, ConsentChart rates, String retention, boolean mayPurge) {

	/** One record as listed. */
	public record Row(String consentId, String recordedAt, String visitorId, int version, String method,
			String choices, String language, String browser, String pageUrl) {
	}
}
