package io.charter.shared.personaldata;

import java.util.Locale;
import java.util.Set;
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

	private static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	/** The language for texts returned to the requester: theirs when Charter has it, else English. */
	public Locale locale() {
		return Locale.forLanguageTag(language != null && LANGUAGES.contains(language) ? language : "en");
	}

	public boolean hasVisitorId() {
		return visitorId != null && !visitorId.isBlank();
	}
}
