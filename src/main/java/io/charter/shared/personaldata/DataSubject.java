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
 * @param name the name the requester gave, for records kept without an address (a visitor's entry in
 *        the register); null when not given. A name is not unique: match on it only records that hold
 *        no address, never one that holds another address
 */
public record DataSubject(UUID requestId, String email, String visitorId, String language, String name) {

	public DataSubject(UUID requestId, String email, String visitorId, String language) {
		this(requestId, email, visitorId, language, null);
	}

	private static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");

	/** The language for texts returned to the requester: theirs when Charter has it, else English. */
	public Locale locale() {
		return Locale.forLanguageTag(language != null && LANGUAGES.contains(language) ? language : "en");
	}

	/** The name with its spaces collapsed, or empty when none was given. */
	public java.util.Optional<String> givenName() {
		return name == null || name.isBlank() ? java.util.Optional.empty()
				: java.util.Optional.of(name.strip().replaceAll("\\s+", " "));
	}

	public boolean hasVisitorId() {
		return visitorId != null && !visitorId.isBlank();
	}
}
