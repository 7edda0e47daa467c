/**
 * The consent log counted, never one record shown: the tallies the statistics roll up, the
 * dashboard's consent rate of the week and the C1 control with its evidence.
 */
package io.charter.consent.log.counts;
