package io.charter.consent.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.CatalogueRules;
import io.charter.consent.ConsentEvent.BannerTextsChanged;
import io.charter.consent.ConsentEvent.CategoryChanged;
import io.charter.consent.ConsentEvent.CategoryCreated;
import io.charter.consent.ConsentEvent.CategoryDeleted;
import io.charter.consent.ConsentEvent.CookieChanged;
import io.charter.consent.ConsentEvent.CookieConfirmed;
import io.charter.consent.ConsentEvent.CookieCreated;
import io.charter.consent.ConsentEvent.CookieDeleted;
import io.charter.consent.ConsentEvent.DeclarationPublished;
import io.charter.consent.ConsentEvent.ServiceChanged;
import io.charter.consent.ConsentEvent.ServiceCreated;
import io.charter.consent.ConsentEvent.ServiceDeleted;
import io.charter.consent.ConsentEvent.SiteChanged;
import io.charter.consent.ConsentEvent.SiteCreated;
import io.charter.consent.ConsentEvent;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.consent.catalogue.changes.MaterialChanges;
import io.charter.consent.catalogue.changes.VersionDifferences;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.Finding;
import io.charter.consent.web.PendingChanges;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;
import io.charter.consent.web.SiteListing;
import io.charter.consent.web.VersionChange;
import io.charter.consent.web.VersionSummary;
import io.charter.shared.Actors;


/**
 * The draft cookie catalogue of each site and its publication. Every edit is checked as a whole
 * before anything is written, in one transaction, and announced as a {@link ConsentEvent} for the
 * audit trail. Publishing freezes the draft into an immutable declaration version; the banner, the
 * consent log and the public declaration read only published versions.
 */
@Service
class CatalogueManagement {

	private final Catalogues catalogues;
	private final DeclarationVersions versions;
	private final CatalogueTexts texts;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CatalogueManagement(Catalogues catalogues, DeclarationVersions versions, CatalogueTexts texts, JsonMapper json,
			ApplicationEventPublisher events, Clock clock) {
		this.catalogues = catalogues;
		this.versions = versions;
		this.texts = texts;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	// --- reading

	@Transactional(readOnly = true)
	public List<SiteListing> sites() {
		return catalogues.sites().stream()
				.map(s -> new SiteListing(s, catalogues.latestVersion(s.id()).orElse(null))).toList();
	}

	@Transactional(readOnly = true)
	public boolean exists(String siteKey) {
		return catalogues.site(siteKey).isPresent();
	}

	@Transactional(readOnly = true)
	public Catalogue catalogue(String siteKey) {
		return load(site(siteKey));
	}

	@Transactional(readOnly = true)
	public List<VersionSummary> versions(String siteKey) {
		return catalogues.versions(site(siteKey).id());
	}

	/** A published version as it was frozen. */
	@Transactional(readOnly = true)
	public Declaration version(String siteKey, int version) {
		site(siteKey);
		return versions.version(siteKey, version)
				.orElseThrow(() -> new CatalogueNotFound("version " + version + " of site " + siteKey));
	}

	/** What a published version changed against the one before it; empty for the first version. */
	@Transactional(readOnly = true)
	public List<VersionChange> changes(String siteKey, int version) {
		Declaration published = version(siteKey, version);
		return version == 1 ? List.of() : VersionDifferences.between(version(siteKey, version - 1), published);
	}

	/** The draft against the latest published version: what changed, whether it is material, what is missing. */
	@Transactional(readOnly = true)
	public PendingChanges pending(String siteKey) {
		Catalogue draft = catalogue(siteKey);
		Optional<Declaration> previous = latest(draft.site());
		List<Finding> missing = Snapshots.missing(draft);
		if (previous.isEmpty()) {
			return new PendingChanges(null, true, List.of(new Finding("first-version", siteKey)), missing);
		}
		Declaration candidate = Snapshots.of(draft, texts, 0, null, false, 0, Map.of());
		boolean changed = !MaterialChanges.sameContent(previous.get(), candidate);
		return new PendingChanges(previous.get().version(), changed,
				changed ? MaterialChanges.between(previous.get(), candidate) : List.of(), missing);
	}

	// --- sites

	@Transactional
	public Catalogue.Site createSite(SiteForm form) {
		String key = form.key() == null ? "" : form.key().strip();
		if (!key.matches("[a-z0-9-]{2,64}")) {
			throw texts.refusal("key", "site-key");
		}
		if (catalogues.site(key).isPresent()) {
			throw texts.refusal("key", "site-exists", key);
		}
		Catalogue.Site site = checked(UUID.randomUUID(), key, 0, form);
		Instant now = now();
		catalogues.insertSite(site, now);
		catalogues.insertCategory(site.id(), new Catalogue.Category(CatalogueRules.NECESSARY, 0, true, false,
				List.of("functionality_storage", "security_storage"),
				texts.inEveryLanguage("catalogue.default.necessary.name"),
				texts.inEveryLanguage("catalogue.default.necessary.description")));
		for (String language : CatalogueRules.LANGUAGES) {
			for (String textKey : CatalogueRules.BANNER_KEYS) {
				catalogues.putBannerText(site.id(), language, textKey,
						texts.text(language, "catalogue.banner-default." + textKey));
			}
		}
		announce(new SiteCreated(key, "site " + key + " created, languages "
				+ String.join(",", site.languages()) + ", origins " + String.join(" ", site.origins()),
				Actors.current(), now));
		return site;
	}

	@Transactional
	public Catalogue.Site updateSite(String siteKey, SiteForm form) {
		Catalogue.Site before = lockedSite(siteKey, form.revision());
		Catalogue.Site site = checked(before.id(), before.key(), before.revision() + 1, form);
		catalogues.updateSite(site);
		announce(new SiteChanged(siteKey, "settings saved, languages "
				+ String.join(",", site.languages()) + ", origins " + String.join(" ", site.origins()),
				Actors.current(), now()));
		return site;
	}

	private Catalogue.Site checked(UUID id, String key, int revision, SiteForm form) {
		List<String> origins = origins("origins", form.origins());
		List<String> websites = origins("publicWebsites", form.publicWebsites());
		List<String> languages = form.languages() == null ? List.of()
				: CatalogueRules.LANGUAGES.stream().filter(form.languages()::contains).toList();
		if (languages.isEmpty()) {
			throw texts.refusal("languages", "languages");
		}
		if (!languages.contains(form.defaultLanguage())) {
			throw texts.refusal("defaultLanguage", "default-language");
		}
		return new Catalogue.Site(id, key, form.name().strip(), origins, languages, form.defaultLanguage(),
				orDefault(form.consentLifetimeDays(), CatalogueRules.DEFAULT_LIFETIME_DAYS),
				orDefault(form.refusalLifetimeDays(), CatalogueRules.DEFAULT_LIFETIME_DAYS),
				orDefault(form.waitForUpdateMs(), CatalogueRules.DEFAULT_WAIT_FOR_UPDATE_MS), websites, revision);
	}

	/** Origins as a browser sends them (allowed origins, public websites), in lower case, each once. */
	private List<String> origins(String field, List<String> given) {
		Set<String> origins = new LinkedHashSet<>();
		for (String value : given == null ? List.<String>of() : given) {
			if (value == null || value.isBlank()) {
				continue;
			}
			String origin = CatalogueRules.origin(value);
			if (origin == null) {
				throw texts.refusal(field, "origin", value.strip());
			}
			origins.add(origin);
		}
		return List.copyOf(origins);
	}

	// --- categories

	@Transactional
	public Catalogue.Category createCategory(String siteKey, CategoryForm form) {
		Catalogue.Site site = site(siteKey);
		String key = form.key() == null ? "" : form.key().strip();
		if (!key.matches("[a-z0-9_-]{2,50}")) {
			throw texts.refusal("key", "item-key");
		}
		List<Catalogue.Category> existing = catalogues.categories(site.id());
		if (existing.stream().anyMatch(c -> c.key().equals(key))) {
			throw texts.refusal("key", "category-exists", key);
		}
		int position = form.position() != null ? form.position()
				: existing.stream().mapToInt(Catalogue.Category::position).max().orElse(0) + 10;
		Catalogue.Category category = new Catalogue.Category(key, position, false, Boolean.TRUE.equals(form.refuseOnGpc()),
				gcmTypes(form.gcmTypes()), required(site, "name", form.name()),
				required(site, "description", form.description()));
		catalogues.insertCategory(site.id(), category);
		announce(new CategoryCreated(siteKey, key,
				"category " + key + " created, consent mode " + String.join(",", category.gcmTypes()),
				Actors.current(), now()));
		return category;
	}

	@Transactional
	public Catalogue.Category updateCategory(String siteKey, String key, CategoryForm form) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Category before = catalogues.categories(site.id()).stream().filter(c -> c.key().equals(key))
				.findFirst().orElseThrow(() -> new CatalogueNotFound("category " + key));
		Catalogue.Category category = new Catalogue.Category(key,
				before.necessary() ? 0 : form.position() == null ? before.position() : form.position(), before.necessary(),
				!before.necessary() && Boolean.TRUE.equals(form.refuseOnGpc()), gcmTypes(form.gcmTypes()),
				merged(before.name(), required(site, "name", form.name())),
				merged(before.description(), required(site, "description", form.description())));
		catalogues.updateCategory(site.id(), category);
		announce(new CategoryChanged(siteKey, key,
				"category " + key + " saved, consent mode " + String.join(",", category.gcmTypes()),
				Actors.current(), now()));
		return category;
	}

	@Transactional
	public void deleteCategory(String siteKey, String key) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Category category = catalogues.categories(site.id()).stream().filter(c -> c.key().equals(key))
				.findFirst().orElseThrow(() -> new CatalogueNotFound("category " + key));
		if (category.necessary()) {
			throw texts.refusal("key", "necessary-stays");
		}
		List<String> users = catalogues.services(site.id()).stream().filter(s -> s.category().equals(key))
				.map(Catalogue.Service::key).toList();
		if (!users.isEmpty()) {
			throw texts.refusal("key", "category-in-use", String.join(", ", users));
		}
		catalogues.deleteCategory(site.id(), key);
		announce(new CategoryDeleted(siteKey, key, "category " + key + " deleted", Actors.current(), now()));
	}

	private List<String> gcmTypes(List<String> given) {
		List<String> types = given == null ? List.of() : given.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
		for (String type : types) {
			if (!CatalogueRules.GCM_TYPES.contains(type)) {
				throw texts.refusal("gcmTypes", "gcm-type", type);
			}
		}
		return CatalogueRules.GCM_TYPES.stream().filter(types::contains).toList();
	}

	// --- services

	@Transactional
	public Catalogue.Service createService(String siteKey, ServiceForm form) {
		Catalogue.Site site = site(siteKey);
		String key = form.key() == null ? "" : form.key().strip();
		if (!key.matches("[a-z0-9_-]{2,50}")) {
			throw texts.refusal("key", "item-key");
		}
		if (catalogues.serviceId(site.id(), key).isPresent()) {
			throw texts.refusal("key", "service-exists", key);
		}
		Catalogue.Service service = service(site, key, form, Map.of(), List.of());
		catalogues.insertService(site.id(), service);
		announce(new ServiceCreated(siteKey, key,
				"service " + key + " created in category " + service.category(), Actors.current(), now()));
		return service;
	}

	@Transactional
	public Catalogue.Service updateService(String siteKey, String key, ServiceForm form) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Service before = existingService(site, key);
		Catalogue.Service service = service(site, key, form, before.description(), before.cookies());
		catalogues.updateService(site.id(), service);
		announce(new ServiceChanged(siteKey, key,
				"service " + key + " saved, category " + before.category() + " -> " + service.category(),
				Actors.current(), now()));
		return service;
	}

	@Transactional
	public void deleteService(String siteKey, String key) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Service service = existingService(site, key);
		catalogues.deleteService(catalogues.serviceId(site.id(), key).orElseThrow());
		announce(new ServiceDeleted(siteKey, key,
				"service " + key + " deleted with " + service.cookies().size() + " cookies", Actors.current(), now()));
	}

	private Catalogue.Service service(Catalogue.Site site, String key, ServiceForm form, Map<String, String> before,
			List<Catalogue.Cookie> cookies) {
		if (catalogues.categories(site.id()).stream().noneMatch(c -> c.key().equals(form.category()))) {
			throw texts.refusal("category", "unknown-category", form.category());
		}
		return new Catalogue.Service(key, form.name().strip(), form.provider().strip(), form.category(),
				Boolean.TRUE.equals(form.thirdParty()), blankToNull(form.privacyUrl()),
				merged(before, required(site, "description", form.description())), cookies);
	}

	private Catalogue.Service existingService(Catalogue.Site site, String key) {
		return catalogues.services(site.id()).stream().filter(s -> s.key().equals(key)).findFirst()
				.orElseThrow(() -> new CatalogueNotFound("service " + key));
	}

	// --- cookies

	@Transactional
	public Catalogue.Cookie addCookie(String siteKey, String serviceKey, CookieForm form) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Service service = existingService(site, serviceKey);
		Catalogue.Cookie cookie = cookie(site, service, UUID.randomUUID(), form);
		catalogues.insertCookie(catalogues.serviceId(site.id(), serviceKey).orElseThrow(), cookie);
		announce(new CookieCreated(cookie.id(), siteKey, serviceKey, siteKey + "/" + serviceKey
				+ ": cookie " + cookie.name() + (cookie.toBeConfirmed() ? " (to be confirmed)" : ""),
				Actors.current(), now()));
		return cookie;
	}

	@Transactional
	public Catalogue.Cookie updateCookie(String siteKey, String serviceKey, UUID id, CookieForm form) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Service service = existingService(site, serviceKey);
		cookieOf(service, id);
		Catalogue.Cookie cookie = cookie(site, service, id, form);
		catalogues.updateCookie(catalogues.serviceId(site.id(), serviceKey).orElseThrow(), cookie);
		announce(new CookieChanged(id, siteKey, serviceKey, siteKey + "/" + serviceKey + ": cookie "
				+ cookie.name() + " saved" + (cookie.toBeConfirmed() ? " (to be confirmed)" : ""),
				Actors.current(), now()));
		return cookie;
	}

	/**
	 * Confirms a cookie that was to be confirmed: its name and retention become facts the next
	 * published version states. The admin page calls it, and so will the scanner, with what showed
	 * it ({@code evidence}, e.g. "seen by the scan of 7 December 2026"; may be null). Confirming a
	 * confirmed cookie changes nothing.
	 */
	@Transactional
	public Catalogue.Cookie confirmCookie(String siteKey, String serviceKey, UUID id, String evidence) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Service service = existingService(site, serviceKey);
		Catalogue.Cookie cookie = cookieOf(service, id);
		if (!cookie.toBeConfirmed()) {
			return cookie;
		}
		String actor = Actors.current();
		catalogues.confirmCookie(catalogues.serviceId(site.id(), serviceKey).orElseThrow(), id, actor, now());
		announce(new CookieConfirmed(id, siteKey, serviceKey, siteKey + "/" + serviceKey + ": cookie " + cookie.name()
				+ " confirmed" + (evidence == null || evidence.isBlank() ? "" : ": " + evidence.strip()), actor, now()));
		return new Catalogue.Cookie(id, cookie.name(), cookie.domain(), cookie.thirdParty(), cookie.retentionDays(),
				cookie.retention(), cookie.purpose(), false, cookie.note());
	}

	@Transactional
	public void deleteCookie(String siteKey, String serviceKey, UUID id) {
		Catalogue.Site site = site(siteKey);
		Catalogue.Service service = existingService(site, serviceKey);
		Catalogue.Cookie cookie = cookieOf(service, id);
		catalogues.deleteCookie(catalogues.serviceId(site.id(), serviceKey).orElseThrow(), id);
		announce(new CookieDeleted(id, siteKey, serviceKey,
				siteKey + "/" + serviceKey + ": cookie " + cookie.name() + " deleted", Actors.current(), now()));
	}

	@Transactional(readOnly = true)
	public Catalogue.Cookie cookie(String siteKey, String serviceKey, UUID id) {
		return cookieOf(existingService(site(siteKey), serviceKey), id);
	}

	private static Catalogue.Cookie cookieOf(Catalogue.Service service, UUID id) {
		return service.cookies().stream().filter(c -> c.id().equals(id)).findFirst()
				.orElseThrow(() -> new CatalogueNotFound("cookie " + id + " in service " + service.key()));
	}

	private Catalogue.Cookie cookie(Catalogue.Site site, Catalogue.Service service, UUID id, CookieForm form) {
		String name = form.name().strip();
		if (Catalogue.Cookie.CHARTER_CONSENT.equals(name)) {
			throw texts.refusal("name", "reserved-name", name);
		}
		if (service.cookies().stream().anyMatch(c -> c.name().equals(name) && !c.id().equals(id))) {
			throw texts.refusal("name", "cookie-exists", name);
		}
		boolean toBeConfirmed = Boolean.TRUE.equals(form.toBeConfirmed());
		if (toBeConfirmed && (form.note() == null || form.note().isBlank())) {
			throw texts.refusal("note", "note-required");
		}
		Catalogue.Cookie before = service.cookies().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
		return new Catalogue.Cookie(id, name, blankToNull(form.domain()), Boolean.TRUE.equals(form.thirdParty()),
				form.retentionDays(), optional(site, before == null ? Map.of() : before.retention(), form.retention()),
				optional(site, before == null ? Map.of() : before.purpose(), form.purpose()), toBeConfirmed,
				blankToNull(form.note()));
	}

	// --- banner texts

	/**
	 * Replaces the given banner texts (language -> key -> text); every given text must be filled in.
	 * {@code revision}, when given, is the site's revision the texts were read at (see
	 * {@link SiteForm#revision()}).
	 */
	@Transactional
	public Map<String, Map<String, String>> saveBannerTexts(String siteKey, Map<String, Map<String, String>> given,
			Integer revision) {
		Catalogue.Site site = lockedSite(siteKey, revision);
		if (given == null || given.isEmpty()) {
			throw texts.refusal(null, "no-texts");
		}
		for (var language : given.entrySet()) {
			if (!site.languages().contains(language.getKey())) {
				throw texts.refusal(null, "language-not-on-site", language.getKey());
			}
			if (language.getValue() == null) {
				throw texts.refusal(language.getKey(), "texts-required", language.getKey());
			}
			for (var text : language.getValue().entrySet()) {
				String field = language.getKey() + "." + text.getKey();
				if (!CatalogueRules.BANNER_KEYS.contains(text.getKey())) {
					throw texts.refusal(field, "unknown-text", text.getKey());
				}
				if (text.getValue() == null || text.getValue().isBlank()) {
					throw texts.refusal(field, "text-required", text.getKey() + " (" + language.getKey() + ")");
				}
				if (text.getValue().length() > 2000) {
					throw texts.refusal(field, "text-too-long", text.getKey() + " (" + language.getKey() + ")");
				}
				refuseUnnamed(field, language.getKey(), text.getKey(), text.getValue());
			}
		}
		given.forEach((language, values) -> values
				.forEach((key, text) -> catalogues.putBannerText(site.id(), language, key, text.strip())));
		catalogues.revised(site.id());
		announce(new BannerTextsChanged(siteKey, "banner texts saved: " + given.entrySet().stream()
				.map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", ")),
				Actors.current(), now()));
		return catalogues.bannerTexts(site.id());
	}

	// --- publishing

	/**
	 * Freezes the draft into the next declaration version. Refused when a text of a site language is
	 * missing, when a summary is missing, or when nothing changed since the current version.
	 */
	@Transactional
	public VersionSummary publish(String siteKey, PublishForm form) {
		if (catalogues.lockSite(siteKey).isEmpty()) {
			throw new CatalogueNotFound("site " + siteKey);
		}
		Catalogue draft = catalogue(siteKey);
		Catalogue.Site site = draft.site();
		for (String language : site.languages()) {
			draft.bannerTexts().getOrDefault(language, Map.of()).forEach(
					(key, text) -> refuseUnnamed(language + "." + key, language, key, text));
		}
		List<Finding> missing = Snapshots.missing(draft);
		if (!missing.isEmpty()) {
			throw texts.refusal(null, "incomplete", missing.stream().map(Finding::subject).collect(Collectors.joining("; ")));
		}
		Map<String, String> summary = new LinkedHashMap<>();
		for (String language : site.languages()) {
			String text = Catalogue.text(form.summary(), language).strip();
			if (text.isEmpty()) {
				throw texts.refusal("summary[" + language + "]", "summary-required", language);
			}
			summary.put(language, text);
		}
		Optional<Declaration> previous = latest(site);
		int version = previous.map(d -> d.version() + 1).orElse(1);
		Instant now = now();
		Declaration candidate = Snapshots.of(draft, texts, version, now, true, version, summary);
		boolean declaredNotMaterial = Boolean.TRUE.equals(form.notMaterial());
		List<Finding> reasons;
		if (previous.isEmpty()) {
			if (declaredNotMaterial) {
				throw texts.refusal("notMaterial", "first-is-material");
			}
			reasons = List.of(new Finding("first-version", siteKey));
		}
		else {
			if (MaterialChanges.sameContent(previous.get(), candidate)) {
				throw texts.refusal(null, "nothing-changed", previous.get().version());
			}
			reasons = MaterialChanges.between(previous.get(), candidate);
		}
		boolean material = !reasons.isEmpty();
		if (material && declaredNotMaterial && previous.isPresent()) {
			String reason = form.notMaterialReason() == null ? "" : form.notMaterialReason().strip();
			if (reason.isEmpty()) {
				throw texts.refusal("notMaterialReason", "reason-required");
			}
			material = false;
			summary.replaceAll((language, text) -> text + " " + texts.text(language, "catalogue.publish.not-material-note", reason));
		}
		int materialVersion = material ? version : previous.map(Declaration::materialVersion).orElse(version);
		Declaration snapshot = Snapshots.of(draft, texts, version, now, material, materialVersion, summary);
		String body = json.writeValueAsString(snapshot);
		catalogues.insertVersion(site.id(), version, now, Actors.current(), material, materialVersion, summary, body,
				sha256(body));
		announce(new DeclarationPublished(siteKey, version, "version " + version + " published, "
				+ (material ? "material: " : "not material" + (reasons.isEmpty() ? "" : " (declared by the publisher): "))
				+ reasons.stream().map(r -> r.code() + " " + r.subject()).collect(Collectors.joining("; ")),
				Actors.current(), now));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				versions.forgetCurrent(siteKey);
			}
		});
		return new VersionSummary(version, now, Actors.current(), material, materialVersion, summary);
	}

	// --- helpers

	/** A placeholder text that does not name what the blocked content needs is neither saved nor published. */
	private void refuseUnnamed(String field, String language, String key, String text) {
		String name = CatalogueRules.missingName(key, text);
		if (name != null) {
			throw texts.refusal(field, "placeholder-names", key, language, name);
		}
	}

	private Catalogue.Site site(String siteKey) {
		return catalogues.site(siteKey).orElseThrow(() -> new CatalogueNotFound("site " + siteKey));
	}

	/**
	 * The site, its row locked until the transaction ends: saves of one site's settings and texts
	 * take turns instead of colliding on the texts' keys. A save based on an older revision than the
	 * stored one is refused rather than undoing the save in between.
	 */
	private Catalogue.Site lockedSite(String siteKey, Integer revision) {
		if (catalogues.lockSite(siteKey).isEmpty()) {
			throw new CatalogueNotFound("site " + siteKey);
		}
		Catalogue.Site site = site(siteKey);
		if (revision != null && revision != site.revision()) {
			throw new SiteChangedMeanwhile(siteKey, revision, site.revision());
		}
		return site;
	}

	private Catalogue load(Catalogue.Site site) {
		return new Catalogue(site, catalogues.categories(site.id()), catalogues.services(site.id()),
				catalogues.bannerTexts(site.id()));
	}

	private Optional<Declaration> latest(Catalogue.Site site) {
		return catalogues.latestVersion(site.id()).flatMap(v -> versions.version(site.key(), v));
	}

	/** Texts required for each language of the site; other languages are kept if given. */
	private Map<String, String> required(Catalogue.Site site, String field, Map<String, String> given) {
		for (String language : site.languages()) {
			if (Catalogue.text(given, language).isBlank()) {
				throw texts.refusal(field + "[" + language + "]", "text-required", field + " (" + language + ")");
			}
		}
		return nonBlank(given);
	}

	/**
	 * Optional texts: the given ones replace those of the site's languages (blank clears one); texts
	 * of languages the site does not use stay unless given.
	 */
	private static Map<String, String> optional(Catalogue.Site site, Map<String, String> before, Map<String, String> given) {
		Map<String, String> kept = new LinkedHashMap<>();
		before.forEach((language, text) -> {
			if (!site.languages().contains(language)) {
				kept.put(language, text);
			}
		});
		kept.putAll(nonBlank(given));
		return kept;
	}

	private static Map<String, String> nonBlank(Map<String, String> given) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (String language : CatalogueRules.LANGUAGES) {
			String text = Catalogue.text(given, language).strip();
			if (!text.isEmpty()) {
				kept.put(language, text);
			}
		}
		return kept;
	}

	/** Texts of languages the form did not show (not used by the site) stay as they were. */
	private static Map<String, String> merged(Map<String, String> before, Map<String, String> given) {
		Map<String, String> merged = new LinkedHashMap<>(before);
		merged.putAll(given);
		return merged;
	}

	private void announce(ConsentEvent event) {
		events.publishEvent(event);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static int orDefault(Integer value, int fallback) {
		return value == null ? fallback : value;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
