package io.charter.consent.log.records;

import java.time.LocalDate;

import io.charter.consent.web.ConsentStatistics;

/**
 * The daily figures the statistics page reads (days rolled up from the aggregate tables, the others
 * counted live), for the records page's charts and the statistics API: all three give the same
 * figures, and none scans a year of records. Answered by {@code io.charter.consent.statistics}.
 */
public interface DailyConsentStatistics {

	/**
	 * The figures of the UTC days {@code from} to {@code to}, both included, every day present;
	 * categories by key, in the order of the latest version that shows them.
	 */
	ConsentStatistics of(String siteKey, LocalDate from, LocalDate to);
}
