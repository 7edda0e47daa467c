package io.charter.rights;

import java.util.UUID;

/**
 * The person a request is about, as {@link PersonalDataHolder}s see them.
 *
 * @param requestId the request, to name in a module's own audit events (never the e-mail address)
 * @param email the requester's address, lower-case
 * @param visitorId the cookie banner's visitor id, when given; null otherwise
 * @param language en, fr or nl: the language of texts returned to the requester
 */
public record DataSubject(UUID requestId, String email, String visitorId, String language) {

	public boolean hasVisitorId() {
		return visitorId != null && !visitorId.isBlank();
	}
}
