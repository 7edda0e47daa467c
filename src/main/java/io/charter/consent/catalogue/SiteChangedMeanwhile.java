package io.charter.consent.catalogue;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A save of a site's settings or banner texts named the revision it was read at, and another save
 * came in between: saving it would silently undo that one. A 409 in the API (as every concurrency
 * failure), a message on the form.
 */
class SiteChangedMeanwhile extends OptimisticLockingFailureException {

	SiteChangedMeanwhile(String site, int given, int current) {
		super("Site " + site + " is at revision " + current + ", not " + given + ".");
	}
}
