package io.charter.consent.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.Finding;


/**
 * Turns the draft catalogue into the {@link Declaration} a publication freezes: only the site's
 * languages, stable order (categories by position, services by key, cookies by name), retention
 * written out in words, and each cookie's purpose filled from its service's description when it
 * has none of its own.
 */
final class Snapshots {

	private Snapshots() {
	}

	static Declaration of(Catalogue draft, CatalogueTexts texts, int version, Instant publishedAt, boolean material,
			int materialVersion, Map<String, String> summary) {
		Catalogue.Site s = draft.site();
		List<String> languages = s.languages();
		Declaration.Site site = new Declaration.Site(s.name(), List.copyOf(s.origins()), List.copyOf(languages),
				s.defaultLanguage(), s.consentLifetimeDays(), s.refusalLifetimeDays(), s.waitForUpdateMs(),
				List.copyOf(s.publicWebsites()));
		List<Declaration.Category> categories = draft.categories().stream()
				.sorted(Comparator.comparingInt(Catalogue.Category::position).thenComparing(Catalogue.Category::key))
				.map(c -> new Declaration.Category(c.key(), c.necessary(), !c.necessary() && c.refuseOnGpc(),
						List.copyOf(c.gcmTypes()), only(languages, c.name()), only(languages, c.description())))
				.toList();
		List<Declaration.Service> services = draft.services().stream()
				.sorted(Comparator.comparing(Catalogue.Service::key))
				.map(sv -> new Declaration.Service(sv.key(), sv.name(), sv.provider(), sv.category(), sv.thirdParty(),
						sv.privacyUrl(), only(languages, sv.description()), sv.cookies().stream()
								.sorted(Comparator.comparing(Catalogue.Cookie::name))
								.map(c -> cookie(c, sv, languages, texts)).toList()))
				.toList();
		Map<String, Map<String, String>> banner = new LinkedHashMap<>();
		for (String language : languages) {
			Map<String, String> given = draft.bannerTexts().getOrDefault(language, Map.of());
			Map<String, String> ordered = new LinkedHashMap<>();
			for (String key : CatalogueRules.BANNER_KEYS) {
				ordered.put(key, given.getOrDefault(key, ""));
			}
			banner.put(language, ordered);
		}
		return new Declaration(s.key(), version, publishedAt, material, materialVersion, site, categories, services,
				banner, only(languages, summary));
	}

	private static Declaration.Cookie cookie(Catalogue.Cookie c, Catalogue.Service service, List<String> languages,
			CatalogueTexts texts) {
		Map<String, String> retention = new LinkedHashMap<>();
		Map<String, String> purpose = new LinkedHashMap<>();
		for (String language : languages) {
			String own = Catalogue.text(c.retention(), language);
			retention.put(language, own.isBlank() ? texts.retention(language, c.retentionDays()) : own);
			String ownPurpose = Catalogue.text(c.purpose(), language);
			purpose.put(language, ownPurpose.isBlank() ? Catalogue.text(service.description(), language) : ownPurpose);
		}
		return new Declaration.Cookie(c.name(), c.pattern(), c.domain(), c.thirdParty(), c.retentionDays(), retention,
				purpose, c.toBeConfirmed(), c.note());
	}

	private static Map<String, String> only(List<String> languages, Map<String, String> texts) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (String language : languages) {
			kept.put(language, Catalogue.text(texts, language));
		}
		return kept;
	}

	/** Texts a publication needs and the draft lacks, and the lack of any allowed origin. */
	static List<Finding> missing(Catalogue draft) {
		List<Finding> missing = new ArrayList<>();
		if (draft.site().origins().isEmpty()) {
			missing.add(new Finding("no-origin", draft.site().key()));
		}
		for (String language : draft.site().languages()) {
			for (Catalogue.Category c : draft.categories()) {
				if (Catalogue.text(c.name(), language).isBlank()) {
					missing.add(new Finding("missing-text", "category " + c.key() + " · name · " + language));
				}
				if (Catalogue.text(c.description(), language).isBlank()) {
					missing.add(new Finding("missing-text", "category " + c.key() + " · description · " + language));
				}
			}
			for (Catalogue.Service s : draft.services()) {
				if (Catalogue.text(s.description(), language).isBlank()) {
					missing.add(new Finding("missing-text", "service " + s.key() + " · description · " + language));
				}
			}
			Map<String, String> banner = draft.bannerTexts().getOrDefault(language, Map.of());
			for (String key : CatalogueRules.BANNER_KEYS) {
				if (Catalogue.text(banner, key).isBlank()) {
					missing.add(new Finding("missing-text", "banner · " + key + " · " + language));
				}
				else if (CatalogueRules.missingName(key, Catalogue.text(banner, key)) != null) {
					missing.add(new Finding("unnamed-placeholder", "banner · " + key + " · " + language + " · "
							+ CatalogueRules.missingName(key, Catalogue.text(banner, key))));
				}
			}
		}
		return missing;
	}
}
