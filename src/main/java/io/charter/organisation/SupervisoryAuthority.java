package io.charter.organisation;

import java.util.Locale;
import java.util.Optional;

/** The data-protection authority a person may complain to (GDPR art. 77), with its address and website. */
public record SupervisoryAuthority(Localised name, Localised address, Localised url) {

	public Optional<String> name(Locale locale) {
		return name.in(locale);
	}

	public Optional<String> address(Locale locale) {
		return address.in(locale);
	}

	public Optional<String> url(Locale locale) {
		return url.in(locale);
	}
}
