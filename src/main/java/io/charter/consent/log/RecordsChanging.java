package io.charter.consent.log;

import java.util.UUID;

/**
 * Told, in the same transaction, when records already written change: a visitor's records about
 * to be erased or restricted, a site's records purged. What keeps figures derived from the records
 * (the statistics) implements it; the ordinary write of a new record is not announced.
 */
public interface RecordsChanging {

	/** Before a visitor's records are deleted or left out of the statistics. */
	void visitorChanging(String visitorId);

	/** After records of a site older than retention were deleted. */
	void purged(UUID siteId);
}
