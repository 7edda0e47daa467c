/**
 * The consent log as the privacy team and auditors read it: a site's records searched and paged,
 * exported as CSV and JSON, the daily figures as charts and as JSON, and the purge on demand.
 */
package io.charter.consent.log.records;
