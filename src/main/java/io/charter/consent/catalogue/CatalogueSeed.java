package io.charter.consent.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.CatalogueRules;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;


/**
 * Ships a site and its cookie catalogue as default data (WeGroup's {@code wegroup-be}, from
 * {@code charter.consent.seed}), and publishes its version 1. Runs at every start but only acts
 * when the site does not exist, then when it has no version yet. The seed goes through the same
 * rules as an edit in the admin pages, in one transaction, and is recorded in the audit trail as
 * done by {@code system}. When several instances start at once, one creates the site and the
 * others find it there.
 */
@Component
class CatalogueSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

	/** The file's shape: a site, its categories, services with their cookies, banner texts. */
	record Seed(SiteForm site, List<CategoryForm> categories, List<SeedService> services,
			Map<String, Map<String, String>> bannerTexts, Map<String, String> summary) {
	}

	record SeedService(String key, String name, String provider, String category, Boolean thirdParty,
			String privacyUrl, Map<String, String> description, List<CookieForm> cookies) {

		ServiceForm form() {
			return new ServiceForm(key, name, provider, category, thirdParty, privacyUrl, description);
		}
	}

	private final CatalogueManagement catalogue;
	private final Validator validator;
	private final JsonMapper json;
	private final ResourceLoader resources;
	private final TransactionTemplate transaction;
	private final String location;

	CatalogueSeed(CatalogueManagement catalogue, Validator validator, JsonMapper json, ResourceLoader resources,
			PlatformTransactionManager transactions,
			@Value("${charter.consent.seed:classpath:consent/seed/wegroup-be.json}") String location) {
		this.catalogue = catalogue;
		this.validator = validator;
		this.json = json;
		this.resources = resources;
		this.transaction = new TransactionTemplate(transactions);
		this.location = location;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (location == null || location.isBlank()) {
			return;
		}
		Seed seed = read(resources.getResource(location));
		String key = seed.site().key();
		if (!catalogue.exists(key)) {
			try {
				transaction.executeWithoutResult(status -> load(seed));
				log.info("Cookie catalogue of site {} created from {}", key, location);
			}
			catch (DataIntegrityViolationException anotherInstanceWasFaster) {
				log.info("Cookie catalogue of site {} was created by another instance", key);
			}
		}
		if (catalogue.versions(key).isEmpty()) {
			try {
				catalogue.publish(key, new PublishForm(seed.summary(), false, null));
				log.info("Cookie declaration of site {}: version 1 published", key);
			}
			catch (DataIntegrityViolationException | InvalidCatalogueChange e) {
				// Another instance published it first (nothing changed since), or the seed lacks a text.
				log.info("Cookie declaration of site {}: version 1 not published here: {}", key, e.getMessage());
			}
		}
	}

	/** The seed obeys the same field rules as the admin forms. */
	private <T> T valid(T form) {
		var violations = validator.validate(form);
		if (!violations.isEmpty()) {
			throw new IllegalStateException("The consent seed " + location + " has invalid values: " + violations.stream()
					.map(v -> v.getPropertyPath() + " " + v.getMessage() + " (" + v.getInvalidValue() + ")").toList());
		}
		return form;
	}

	private Seed read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return json.readValue(in, Seed.class);
		}
	}

	void load(Seed seed) {
		String key = seed.site().key();
		catalogue.createSite(valid(seed.site()));
		for (CategoryForm category : seed.categories()) {
			if (CatalogueRules.NECESSARY.equals(category.key())) {
				catalogue.updateCategory(key, category.key(), valid(category));
			}
			else {
				catalogue.createCategory(key, valid(category));
			}
		}
		for (SeedService service : seed.services()) {
			catalogue.createService(key, valid(service.form()));
			for (CookieForm cookie : service.cookies()) {
				catalogue.addCookie(key, service.key(), valid(cookie));
			}
		}
		if (seed.bannerTexts() != null && !seed.bannerTexts().isEmpty()) {
			catalogue.saveBannerTexts(key, seed.bannerTexts(), null);
		}
	}
}
