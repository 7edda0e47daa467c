package io.charter.consent.catalogue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.charter.consent.Declaration;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.PendingChanges;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;
import io.charter.consent.web.SiteListing;
import io.charter.consent.web.VersionSummary;


/**
 * {@code /api/v1/consent/sites}: the cookie catalogue (draft) and its publication. PRIVACY and
 * ADMIN change it; AUDITOR reads it. Refusals are RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/v1/consent/sites")
@Tag(name = "Cookie catalogue")
class CatalogueApi {

	private final CatalogueManagement catalogue;

	CatalogueApi(CatalogueManagement catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "Every site with its current published version")
	List<SiteListing> sites() {
		return catalogue.sites();
	}

	@PostMapping
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Create a site; the necessary category and default banner texts come with it")
	ResponseEntity<Catalogue> createSite(@Valid @RequestBody SiteForm site) {
		Catalogue.Site created = catalogue.createSite(site);
		return ResponseEntity.created(URI.create("/api/v1/consent/sites/" + created.key()))
				.body(catalogue.catalogue(created.key()));
	}

	@GetMapping("/{site}")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "The draft catalogue of a site")
	Catalogue catalogue(@PathVariable String site) {
		return catalogue.catalogue(site);
	}

	@PutMapping("/{site}")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Change a site's settings (the key stays); with a revision, a save in between is answered 409")
	Catalogue.Site updateSite(@PathVariable String site, @Valid @RequestBody SiteForm settings) {
		return catalogue.updateSite(site, settings);
	}

	@PostMapping("/{site}/categories")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Add a category")
	ResponseEntity<Catalogue.Category> createCategory(@PathVariable String site, @Valid @RequestBody CategoryForm category) {
		Catalogue.Category created = catalogue.createCategory(site, category);
		return ResponseEntity.created(URI.create("/api/v1/consent/sites/" + site + "/categories/" + created.key()))
				.body(created);
	}

	@GetMapping("/{site}/categories/{key}")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "A category of the draft")
	Catalogue.Category category(@PathVariable String site, @PathVariable String key) {
		Catalogue.Category category = catalogue.catalogue(site).category(key);
		if (category == null) {
			throw new CatalogueNotFound("category " + key);
		}
		return category;
	}

	@PutMapping("/{site}/categories/{key}")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Change a category")
	Catalogue.Category updateCategory(@PathVariable String site, @PathVariable String key,
			@Valid @RequestBody CategoryForm category) {
		return catalogue.updateCategory(site, key, category);
	}

	@DeleteMapping("/{site}/categories/{key}")
	@PreAuthorize(CatalogueController.EDIT)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a category no service uses (never necessary)")
	void deleteCategory(@PathVariable String site, @PathVariable String key) {
		catalogue.deleteCategory(site, key);
	}

	@PostMapping("/{site}/services")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Add a service")
	ResponseEntity<Catalogue.Service> createService(@PathVariable String site, @Valid @RequestBody ServiceForm service) {
		Catalogue.Service created = catalogue.createService(site, service);
		return ResponseEntity.created(URI.create("/api/v1/consent/sites/" + site + "/services/" + created.key()))
				.body(created);
	}

	@GetMapping("/{site}/services/{key}")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "A service of the draft with its cookies")
	Catalogue.Service service(@PathVariable String site, @PathVariable String key) {
		Catalogue.Service service = catalogue.catalogue(site).service(key);
		if (service == null) {
			throw new CatalogueNotFound("service " + key);
		}
		return service;
	}

	@PutMapping("/{site}/services/{key}")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Change a service (its cookies stay)")
	Catalogue.Service updateService(@PathVariable String site, @PathVariable String key,
			@Valid @RequestBody ServiceForm service) {
		return catalogue.updateService(site, key, service);
	}

	@DeleteMapping("/{site}/services/{key}")
	@PreAuthorize(CatalogueController.EDIT)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a service and its cookies")
	void deleteService(@PathVariable String site, @PathVariable String key) {
		catalogue.deleteService(site, key);
	}

	@PostMapping("/{site}/services/{key}/cookies")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Add a cookie to a service")
	ResponseEntity<Catalogue.Cookie> addCookie(@PathVariable String site, @PathVariable String key,
			@Valid @RequestBody CookieForm cookie) {
		Catalogue.Cookie created = catalogue.addCookie(site, key, cookie);
		return ResponseEntity.created(URI.create("/api/v1/consent/sites/" + site + "/services/" + key + "/cookies/"
				+ created.id())).body(created);
	}

	@GetMapping("/{site}/services/{key}/cookies/{id}")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "A cookie of the draft")
	Catalogue.Cookie cookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id) {
		return catalogue.cookie(site, key, id);
	}

	@PutMapping("/{site}/services/{key}/cookies/{id}")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Change a cookie")
	Catalogue.Cookie updateCookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id,
			@Valid @RequestBody CookieForm cookie) {
		return catalogue.updateCookie(site, key, id, cookie);
	}

	/** Confirms a cookie that was to be confirmed; {@code evidence} (optional) says what showed it. */
	@PostMapping("/{site}/services/{key}/cookies/{id}/confirm")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Confirm a cookie that was to be confirmed")
	Catalogue.Cookie confirmCookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id,
			@RequestBody(required = false) Map<String, String> body) {
		return catalogue.confirmCookie(site, key, id, body == null ? null : body.get("evidence"));
	}

	@DeleteMapping("/{site}/services/{key}/cookies/{id}")
	@PreAuthorize(CatalogueController.EDIT)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a cookie")
	void deleteCookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id) {
		catalogue.deleteCookie(site, key, id);
	}

	@PutMapping("/{site}/banner-texts")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Replace banner texts: {\"fr\": {\"title\": \"...\"}, ...}; answers every text of the site. "
			+ "With ?revision= (the site's revision the texts were read at), a save in between is answered 409")
	Map<String, Map<String, String>> saveBannerTexts(@PathVariable String site,
			@RequestBody Map<String, Map<String, String>> texts, @RequestParam(required = false) @Min(0) Integer revision) {
		return catalogue.saveBannerTexts(site, texts, revision);
	}

	@GetMapping("/{site}/pending")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "The draft against the current version: changed, material reasons, missing texts")
	PendingChanges pending(@PathVariable String site) {
		return catalogue.pending(site);
	}

	@GetMapping("/{site}/versions")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "Published versions, newest first")
	List<VersionSummary> versions(@PathVariable String site) {
		return catalogue.versions(site);
	}

	@GetMapping("/{site}/versions/{version}")
	@PreAuthorize(CatalogueController.READ)
	@Operation(summary = "A published version exactly as it was frozen")
	Declaration version(@PathVariable String site, @PathVariable int version) {
		return catalogue.version(site, version);
	}

	@PostMapping("/{site}/versions")
	@PreAuthorize(CatalogueController.EDIT)
	@Operation(summary = "Publish the draft as the next version, with a summary per language")
	ResponseEntity<VersionSummary> publish(@PathVariable String site, @Valid @RequestBody PublishForm publication) {
		VersionSummary published = catalogue.publish(site, publication);
		return ResponseEntity.created(URI.create("/api/v1/consent/sites/" + site + "/versions/" + published.version()))
				.body(published);
	}
}
