package io.charter.consent.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.consent.ScannedSites;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.SiteListing;

/** The scanner's way into the catalogue: the sites, and undeclared cookies added to a draft as any edit is. */
@Service
class FoundCookies implements ScannedSites {

	private final CatalogueManagement catalogue;

	FoundCookies(CatalogueManagement catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public List<String> siteKeys() {
		return catalogue.sites().stream().map(SiteListing::site).map(Catalogue.Site::key).toList();
	}

	@Override
	@Transactional
	@PreAuthorize(CatalogueController.EDIT)
	public Optional<String> addFoundCookie(String siteKey, String category, String name, boolean thirdParty,
			Integer retentionDays, String purpose, String note) {
		Catalogue draft = catalogue.catalogue(siteKey);
		Optional<Catalogue.Service> holding = draft.services().stream()
				.filter(s -> s.cookies().stream().anyMatch(c -> c.name().equals(name))).findFirst();
		if (holding.isPresent()) {
			return holding.map(Catalogue.Service::key);
		}
		Optional<Catalogue.Service> service = draft.services().stream().filter(s -> s.category().equals(category))
				.findFirst();
		service.ifPresent(s -> catalogue.addCookie(siteKey, s.key(), new CookieForm(name, "", thirdParty,
				retentionDays, Map.of(), purpose == null || purpose.isBlank() ? Map.of() : Map.of("en", purpose), true,
				note)));
		return service.map(Catalogue.Service::key);
	}
}
