package io.charter.consent.catalogue.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.ModelAndView;

import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.consent.catalogue.CatalogueTexts;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.DeclarationView;
import io.charter.organisation.Organisation;
import io.charter.organisation.OrganisationProfile;
import io.charter.platform.BaseUrl;
import io.charter.shared.PageLanguage;


/**
 * The public cookie declaration of a site, generated from its current published version (never
 * from the draft): a page, and the same section alone for sites that embed it in their own page
 * (readable cross-origin by the site's allowed origins only). Nobody needs to be signed in.
 */
@Controller
class DeclarationController {

	static final String PAGE = "consent/declaration";
	static final String FRAGMENT = "consent/declarationFragment";
	static final String NOT_FOUND = "error";

	private final DeclarationVersions versions;
	private final CatalogueTexts texts;
	private final Organisation organisation;
	private final String requestsUrl;

	DeclarationController(DeclarationVersions versions, CatalogueTexts texts, Organisation organisation,
			BaseUrl baseUrl) {
		this.versions = versions;
		this.texts = texts;
		this.organisation = organisation;
		this.requestsUrl = baseUrl.to("/privacy/requests");
	}

	/*
	 * The language is DeclarationLanguage's, which leaves out paths that cannot name a site (upper case,
	 * markup): those find no site and answer 404, never 400 for a missing attribute.
	 */
	@GetMapping("/c/{site}/declaration")
	ModelAndView page(@PathVariable String site,
			@RequestAttribute(name = PageLanguage.ATTRIBUTE, required = false) String language) {
		return versions.current(site).map(d -> new ModelAndView(PAGE, Map.of("declaration", view(d, language))))
				.orElseGet(DeclarationController::notFound);
	}

	@GetMapping("/c/{site}/declaration/fragment")
	ModelAndView fragment(@PathVariable String site,
			@RequestAttribute(name = PageLanguage.ATTRIBUTE, required = false) String language,
			@RequestHeader(name = "Origin", required = false) String origin, HttpServletResponse response) {
		Optional<Declaration> current = versions.current(site);
		if (current.isEmpty()) {
			return notFound();
		}
		response.addHeader("Vary", "Origin");
		String allowed = CatalogueRules.origin(origin);
		if (allowed != null && current.get().site().origins().contains(allowed)) {
			response.setHeader("Access-Control-Allow-Origin", allowed);
		}
		return new ModelAndView(FRAGMENT, Map.of("declaration", view(current.get(), language)));
	}

	private static ModelAndView notFound() {
		ModelAndView mav = new ModelAndView(NOT_FOUND, Map.of("status", 404));
		mav.setStatus(HttpStatus.NOT_FOUND);
		return mav;
	}

	DeclarationView view(Declaration d, String asked) {
		String language = asked != null ? asked : d.site().defaultLanguage();
		// British English writes "7 December 2026"; plain "en" would give "December 7, 2026".
		Locale locale = Locale.forLanguageTag("en".equals(language) ? "en-GB" : language);
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		List<DeclarationView.ChangeLine> changes = versions.history(d.siteKey()).stream()
				.map(c -> new DeclarationView.ChangeLine(c.version(), date(c.publishedAt(), dates), c.material(),
						text(c.summary(), language, d.site().defaultLanguage())))
				.toList();
		List<DeclarationView.CategoryLine> categories = d.categories().stream()
				.map(c -> new DeclarationView.CategoryLine(c.key(), text(c.name(), language, d.site().defaultLanguage()),
						text(c.description(), language, d.site().defaultLanguage()), c.necessary()))
				.toList();
		List<DeclarationView.ServiceGroup> firstParty = new ArrayList<>(List.of(charterCookie(d, language)));
		List<DeclarationView.ServiceGroup> thirdParty = new ArrayList<>();
		List<DeclarationView.ServiceGroup> analytics = new ArrayList<>();
		for (Declaration.Service service : d.services()) {
			Declaration.Category category = d.category(service.category());
			boolean necessary = category != null && category.necessary();
			String description = text(service.description(), language, d.site().defaultLanguage());
			// Charter declares its own cookie itself: an entry of that name cannot contradict it.
			List<DeclarationView.CookieLine> cookies = service.cookies().stream()
					.filter(c -> !Catalogue.Cookie.CHARTER_CONSENT.equals(c.name())).map(c -> {
						String purpose = text(c.purpose(), language, d.site().defaultLanguage());
						return new DeclarationView.CookieLine(c.name(), purpose.equals(description) ? "" : purpose,
								c.retentionDays() == null, text(c.retention(), language, d.site().defaultLanguage()),
								c.domain(), c.toBeConfirmed());
					}).toList();
			if (cookies.isEmpty() && !service.cookies().isEmpty()) {
				continue;
			}
			var group = new DeclarationView.ServiceGroup(service.name(), service.provider(), description,
					category == null ? service.category() : text(category.name(), language, d.site().defaultLanguage()),
					necessary, service.thirdParty(), service.privacyUrl(), cookies);
			// The seed's three tables: analytics services, then what third parties set, then the rest.
			if (!necessary && category != null && category.gcmTypes().contains("analytics_storage")) {
				analytics.add(group);
			}
			else if (service.thirdParty()) {
				thirdParty.add(group);
			}
			else {
				firstParty.add(group);
			}
		}
		var site = d.site();
		String settings = d.bannerTexts().getOrDefault(language, Map.of()).getOrDefault("settings", "");
		// The controller as the organisation profile names it now, in the page's language, whatever a
		// version published before the profile existed stored of its own.
		OrganisationProfile controller = organisation.profile();
		return new DeclarationView(d.siteKey(), language, d.version(), date(d.publishedAt(), dates), site.name(),
				site.publicWebsites(), controller.legalName(locale), controller.companyNumber().orElse(null),
				controller.address(locale).orElse(null), controller.contactEmail().orElse(null),
				controller.privacyPolicyUrl().orElse(null), changes, categories, firstParty,
				thirdParty, analytics, settings, requestsUrl + "?lang=" + language, site.languages(),
				controller.authorityLine(locale).orElse(null));
	}

	/**
	 * Charter's own cookie, in every declaration whatever the catalogue holds: the banner sets it
	 * (first party, host-only) to keep the visitor's choice, for the consent lifetime when a
	 * category was granted and the refusal lifetime when none was (see the banner script).
	 */
	private DeclarationView.ServiceGroup charterCookie(Declaration d, String language) {
		Declaration.Category necessary = d.categories().stream().filter(Declaration.Category::necessary).findFirst()
				.orElse(null);
		String retention = texts.text(language, "declaration.charter.retention",
				texts.retention(language, d.site().consentLifetimeDays()),
				texts.retention(language, d.site().refusalLifetimeDays()));
		return new DeclarationView.ServiceGroup(texts.text(language, "declaration.charter.name"),
				organisation.profile().legalName(Locale.forLanguageTag(language)),
				texts.text(language, "declaration.charter.purpose"),
				necessary == null ? CatalogueRules.NECESSARY : text(necessary.name(), language, d.site().defaultLanguage()),
				true, false, null, List.of(new DeclarationView.CookieLine(Catalogue.Cookie.CHARTER_CONSENT, "", false,
						retention, null, false)));
	}

	private static String date(Instant at, DateTimeFormatter format) {
		return at == null ? "" : format.format(LocalDate.ofInstant(at, ZoneOffset.UTC));
	}

	/** The text in the language, else in the fallback language, else empty. */
	private static String text(Map<String, String> texts, String language, String fallback) {
		if (texts == null) {
			return "";
		}
		String text = texts.get(language);
		if (text == null || text.isBlank()) {
			text = texts.get(fallback);
		}
		return text == null ? "" : text;
	}
}
