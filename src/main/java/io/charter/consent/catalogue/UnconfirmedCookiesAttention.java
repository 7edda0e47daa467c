package io.charter.consent.catalogue;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.shared.Attention;
import io.charter.shared.Role;

/**
 * The dashboard's notice, per site, of cookies still to be confirmed: until the privacy team
 * confirms them, the declaration publishes them as unverified. For those who confirm them (PRIVACY,
 * ADMIN), linking to the site's open questions.
 */
@Component
class UnconfirmedCookiesAttention implements Attention {

	private final Catalogues catalogues;

	UnconfirmedCookiesAttention(Catalogues catalogues) {
		this.catalogues = catalogues;
	}

	@Override
	public List<Notice> notices() {
		return catalogues.unconfirmed().stream()
				.map(site -> new Notice("catalogue.attention.to-be-confirmed", List.of(site.cookies(), site.siteName()),
						"/consent/" + site.siteKey() + "#open-questions", Severity.WARNING, Set.of(Role.ADMIN, Role.PRIVACY)))
				.toList();
	}
}
