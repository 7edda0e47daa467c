package io.charter.rights.web;

import java.time.Instant;

/**
 * What one module or connected system did for a request.
 *
 * @param action EXPORT, ERASE, RESTRICT, WITHDRAW (consent) or EXCEPTION (kept under art. 17(3), or
 *        done by hand elsewhere, as recorded by staff)
 * @param outcome DONE, NOTHING_HELD, PARTLY, NOT_APPLICABLE, FAILED or RECORDED
 */
public record FulfilmentRecord(String holder, String action, String outcome, int records, String detail, Instant at,
		String actor) {
}
