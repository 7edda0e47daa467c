/**
 * How consent records leave the log or the figures: the purge past retention, and a visitor's
 * records found, exported, erased or restricted for a data-subject request.
 */
package io.charter.consent.log.retention;
