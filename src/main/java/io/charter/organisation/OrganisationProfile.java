package io.charter.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What public texts, letters and e-mails may say about the organisation: only what the admin has
 * given. A field the organisation has not given is empty, and the text that would show it leaves
 * it out (no placeholder, no other language's value).
 *
 * @param name the name without legal form, e.g. {@code WeGroup}; never blank
 * @param legalForm the legal form's abbreviation per language, e.g. SA / NV
 * @param companyNumber the Belgian enterprise number as {@code 0680.957.816}
 * @param address the registered address as one line per language
 * @param contactEmail where people write to the organisation
 * @param contactFormUrl the website's contact form
 * @param privacyPolicyUrl the organisation's privacy policy
 * @param dpoContact how to reach the data protection officer
 * @param senderName the display name of Charter's e-mails
 * @param senderEmail the address Charter's e-mails are sent from
 * @param authority the supervisory authority
 */
public record OrganisationProfile(String name, Localised legalForm, Optional<String> companyNumber,
		Localised address, Optional<String> contactEmail, Optional<String> contactFormUrl,
		Optional<String> privacyPolicyUrl, Optional<String> dpoContact, Optional<String> senderName,
		Optional<String> senderEmail, SupervisoryAuthority authority) {

	/** The legal name in the locale's language: {@code WeGroup SA}, {@code WeGroup NV}, or the name alone without a form. */
	public String legalName(Locale locale) {
		return legalForm.in(locale).map(form -> name + " " + form).orElse(name);
	}

	/**
	 * The supervisory authority in the locale's language as one line (name, address, website), if the
	 * profile names it in that language; otherwise empty, and a public text states the right to
	 * complain to a supervisory authority without naming one (the admin is asked to name it).
	 */
	public Optional<String> authorityLine(Locale locale) {
		if (authority == null || authority.name(locale).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Stream.of(authority.name(locale), authority.address(locale), authority.url(locale))
				.flatMap(Optional::stream).collect(Collectors.joining(", ")));
	}

	/**
	 * Whether the profile says the organisation is established in Belgium: the enterprise number it
	 * takes is the Belgian one (BCE/KBO). Texts that name Belgian courts or law say so only then.
	 */
	public boolean registeredInBelgium() {
		return companyNumber.isPresent();
	}

	/** The registered address in the locale's language, if given. */
	public Optional<String> address(Locale locale) {
		return address.in(locale);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static Optional<String> given(String value) {
		return Optional.ofNullable(blankToNull(value));
	}
}
