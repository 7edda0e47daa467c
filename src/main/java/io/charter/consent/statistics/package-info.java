/**
 * Consent statistics: what a privacy officer reads each week about a site's banner. Counts per UTC
 * day are pre-aggregated from the consent log ({@link io.charter.consent.log.counts.ConsentTallies}) by a
 * roll-up of complete days; the days not rolled up yet are counted live. Counts only: no visitor
 * id, no source.
 */
package io.charter.consent.statistics;
