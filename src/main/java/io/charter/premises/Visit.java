package io.charter.premises;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.RuleViolation;

/**
 * One visit: who comes, when, to see whom, and when they arrived and left. The steps refuse what the
 * visit's state does not allow, so the kiosk cannot check a visitor in twice or out before arriving.
 *
 * @param visitorName null once anonymised
 * @param email optional; null once anonymised
 * @param language fr, nl or en: the visitor's messages and notice
 * @param hostId the employee of the directory the visitor comes to see; never null
 */
record Visit(UUID id, String visitorName, String company, String email, String language, Instant expectedAt,
		UUID hostId, boolean escort, boolean walkIn, String badge, Instant checkedInAt, Instant checkedOutAt,
		Instant anonymisedAt) {

	enum Status {
		EXPECTED, ON_SITE, LEFT
	}

	Status status() {
		if (checkedOutAt != null) {
			return Status.LEFT;
		}
		return checkedInAt != null ? Status.ON_SITE : Status.EXPECTED;
	}

	Visit checkIn(String badgeNumber, Instant at) {
		if (status() != Status.EXPECTED) {
			throw new RuleViolation(null, "premises.error.already-checked-in", new Object[0]);
		}
		return new Visit(id, visitorName, company, email, language, expectedAt, hostId, escort, walkIn, badgeNumber, at,
				null, anonymisedAt);
	}

	Visit checkOut(Instant at) {
		if (status() != Status.ON_SITE) {
			throw new RuleViolation(null, "premises.error.not-on-site", new Object[0]);
		}
		return new Visit(id, visitorName, company, email, language, expectedAt, hostId, escort, walkIn, badge,
				checkedInAt, at, anonymisedAt);
	}
}
