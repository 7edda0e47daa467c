package io.charter.consent.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.consent.CatalogueRules;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.CategoryForm;
import io.charter.consent.web.CookieForm;
import io.charter.consent.web.FormErrors;
import io.charter.consent.web.PendingChanges;
import io.charter.consent.web.PublishForm;
import io.charter.consent.web.ServiceForm;
import io.charter.consent.web.SiteForm;
import io.charter.consent.web.VersionSummary;
import io.charter.platform.BaseUrl;
import io.charter.shared.Confirmed;


/**
 * The cookie catalogue pages under {@code /consent}: PRIVACY and ADMIN edit, AUDITOR reads. A form
 * with errors comes back with the values as typed and the messages next to the fields; nothing of
 * it is saved. Deleting a service or a cookie, and publishing a material version, are confirmed on a
 * page of their own first: a request without {@code confirmed=yes} changes nothing and shows that page.
 */
@Controller
class CatalogueController {

	static final String READ = "hasAnyRole('PRIVACY','ADMIN','AUDITOR')";
	static final String EDIT = "hasAnyRole('PRIVACY','ADMIN')";

	static final String SITES = "consent/sites";
	static final String SITE = "consent/site";
	static final String CATEGORY = "consent/category";
	static final String SERVICE = "consent/service";
	static final String COOKIE = "consent/cookie";
	static final String VERSION = "consent/version";
	/** The shared confirmation page; its form sends {@link Confirmed#FIELD}. */
	static final String CONFIRM = "layout/confirm";

	static final List<String> TABS = List.of("settings", "categories", "services", "texts", "versions");

	private final CatalogueManagement catalogue;
	private final MessageSource messages;
	private final BaseUrl baseUrl;

	CatalogueController(CatalogueManagement catalogue, MessageSource messages, BaseUrl baseUrl) {
		this.catalogue = catalogue;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	// --- sites

	@GetMapping("/consent")
	@PreAuthorize(READ)
	String sites(Model model) {
		return sitesPage(model, SiteForm.blank(), FormErrors.NONE);
	}

	@PostMapping("/consent")
	@PreAuthorize(EDIT)
	String createSite(@Valid @ModelAttribute("form") SiteForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = attempt(binding, () -> catalogue.createSite(form));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.saved");
			return "redirect:/consent/" + form.key().strip();
		}
		return sitesPage(model, form == null ? SiteForm.blank() : form, errors);
	}

	private String sitesPage(Model model, SiteForm form, FormErrors errors) {
		model.addAttribute("sites", catalogue.sites());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return SITES;
	}

	@GetMapping("/consent/{site}")
	@PreAuthorize(READ)
	String site(@PathVariable String site, @RequestParam(defaultValue = "settings") String tab, Model model) {
		Catalogue c = catalogue.catalogue(site);
		return sitePage(model, c, TABS.contains(tab) ? tab : "settings", FormErrors.NONE);
	}

	@PostMapping("/consent/{site}/settings")
	@PreAuthorize(EDIT)
	String saveSettings(@PathVariable String site, @Valid @ModelAttribute("form") SiteForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		Catalogue before = catalogue.catalogue(site);
		FormErrors errors = attempt(binding, () -> catalogue.updateSite(site, form));
		if (errors == null) {
			return saved(redirect, site, "settings");
		}
		// After a refusal by the rules or a save in between, the form is saved over the revision read
		// here; after format errors it keeps its own, so a save in between is still caught.
		model.addAttribute("siteForm", form == null ? SiteForm.of(before.site())
				: binding.hasErrors() ? form : form.atRevision(before.site().revision()));
		return sitePage(model, before, "settings", errors);
	}

	@PostMapping("/consent/{site}/texts")
	@PreAuthorize(EDIT)
	String saveTexts(@PathVariable String site, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(required = false) Integer revision, Model model, RedirectAttributes redirect) {
		Catalogue before = catalogue.catalogue(site);
		Map<String, Map<String, String>> texts = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			String[] parts = name.split("\\.", 3);
			if (parts.length == 3 && parts[0].equals("text")) {
				texts.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], values.get(0));
			}
		});
		FormErrors errors = attempt(null, () -> catalogue.saveBannerTexts(site, texts, revision));
		if (errors == null) {
			return saved(redirect, site, "texts");
		}
		model.addAttribute("texts", texts);
		return sitePage(model, before, "texts", errors);
	}

	@PostMapping("/consent/{site}/publish")
	@PreAuthorize(EDIT)
	String publish(@PathVariable String site, @Valid @ModelAttribute("form") PublishForm form, BindingResult binding,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model, RedirectAttributes redirect) {
		Catalogue before = catalogue.catalogue(site);
		PendingChanges pending = catalogue.pending(site);
		if (!Confirmed.by(confirmed) && !binding.hasErrors() && asksEveryoneAgain(before, pending, form)) {
			return confirmPublication(model, before, pending, form);
		}
		FormErrors errors = attempt(binding, () -> catalogue.publish(site, form));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.published");
			return "redirect:/consent/" + site + "?tab=versions";
		}
		model.addAttribute("publishForm", form == null ? PublishForm.blank() : form);
		return sitePage(model, before, "versions", errors);
	}

	/**
	 * A publication that would go through as material over an earlier version. One that the rules will
	 * refuse anyway (texts or a summary missing) goes straight on to say why, unconfirmed.
	 */
	private static boolean asksEveryoneAgain(Catalogue c, PendingChanges pending, PublishForm form) {
		return pending.currentVersion() != null && pending.changed() && !pending.material().isEmpty()
				&& pending.missing().isEmpty() && !Boolean.TRUE.equals(form.notMaterial())
				&& c.site().languages().stream().noneMatch(l -> Catalogue.text(form.summary(), l).isBlank());
	}

	private String confirmPublication(Model model, Catalogue c, PendingChanges pending, PublishForm form) {
		String key = c.site().key();
		int next = pending.currentVersion() + 1;
		List<String> consequences = new ArrayList<>();
		consequences.add(text("catalogue.confirm.publish.everyone", next));
		pending.material().forEach(f -> consequences.add(text("catalogue.change." + f.code(), f.subject())));
		consequences.add(text("catalogue.confirm.publish.not-material"));
		Map<String, String> carried = new LinkedHashMap<>();
		c.site().languages().forEach(l -> carried.put("summary[" + l + "]", Catalogue.text(form.summary(), l)));
		return confirmation(model, text("catalogue.confirm.publish.title", next, c.site().name()), consequences,
				"/consent/" + key + "/publish", text("catalogue.confirm.publish.submit", next),
				"/consent/" + key + "?tab=versions", carried);
	}

	private String confirmation(Model model, String title, List<String> consequences, String action, String submit,
			String cancel, Map<String, String> carried) {
		model.addAttribute("title", title);
		model.addAttribute("consequences", consequences);
		model.addAttribute("action", action);
		model.addAttribute("submit", submit);
		model.addAttribute("cancelLabel", text("catalogue.confirm.cancel"));
		model.addAttribute("cancel", cancel);
		model.addAttribute("carried", carried);
		return CONFIRM;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private String sitePage(Model model, Catalogue c, String tab, FormErrors errors) {
		String key = c.site().key();
		model.addAttribute("catalogue", c);
		model.addAttribute("tab", tab);
		model.addAttribute("errors", errors);
		putIfAbsent(model, "siteForm", SiteForm.of(c.site()));
		putIfAbsent(model, "categoryForm", CategoryForm.blank());
		putIfAbsent(model, "serviceForm", ServiceForm.blank());
		putIfAbsent(model, "texts", c.bannerTexts());
		putIfAbsent(model, "publishForm", PublishForm.blank());
		model.addAttribute("versions", catalogue.versions(key));
		model.addAttribute("pending", catalogue.pending(key));
		model.addAttribute("bannerKeys", CatalogueRules.BANNER_KEYS);
		model.addAttribute("gcmTypes", CatalogueRules.GCM_TYPES);
		model.addAttribute("embedSnippet",
				"<script src=\"" + baseUrl.to("/c/" + key + "/banner.js") + "\" defer></script>");
		return SITE;
	}

	// --- versions

	/** One published version: its summary and what it changed against the one before, field by field. */
	@GetMapping("/consent/{site}/versions/{version}")
	@PreAuthorize(READ)
	String version(@PathVariable String site, @PathVariable int version, Model model) {
		Catalogue c = catalogue.catalogue(site);
		VersionSummary summary = catalogue.versions(site).stream().filter(v -> v.version() == version).findFirst()
				.orElseThrow(() -> new CatalogueNotFound("version " + version + " of site " + site));
		model.addAttribute("catalogue", c);
		model.addAttribute("version", summary);
		model.addAttribute("changes", catalogue.changes(site, version));
		return VERSION;
	}

	// --- categories

	@PostMapping("/consent/{site}/categories")
	@PreAuthorize(EDIT)
	String createCategory(@PathVariable String site, @Valid @ModelAttribute("form") CategoryForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Catalogue before = catalogue.catalogue(site);
		FormErrors errors = attempt(binding, () -> catalogue.createCategory(site, form));
		if (errors == null) {
			return saved(redirect, site, "categories");
		}
		model.addAttribute("categoryForm", form == null ? CategoryForm.blank() : form);
		return sitePage(model, before, "categories", errors);
	}

	@GetMapping("/consent/{site}/categories/{key}")
	@PreAuthorize(READ)
	String category(@PathVariable String site, @PathVariable String key, Model model) {
		Catalogue c = catalogue.catalogue(site);
		return categoryPage(model, c, category(c, key), null, FormErrors.NONE);
	}

	@PostMapping("/consent/{site}/categories/{key}")
	@PreAuthorize(EDIT)
	String saveCategory(@PathVariable String site, @PathVariable String key,
			@Valid @ModelAttribute("form") CategoryForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Catalogue c = catalogue.catalogue(site);
		Catalogue.Category category = category(c, key);
		FormErrors errors = attempt(binding, () -> catalogue.updateCategory(site, key, form));
		if (errors == null) {
			return saved(redirect, site, "categories");
		}
		return categoryPage(model, c, category, form, errors);
	}

	@GetMapping("/consent/{site}/categories/{key}/delete")
	@PreAuthorize(EDIT)
	String confirmCategoryDeletion(@PathVariable String site, @PathVariable String key, Model model) {
		Catalogue.Category category = category(catalogue.catalogue(site), key);
		String name = category.name().getOrDefault(LocaleContextHolder.getLocale().getLanguage(), category.key());
		String path = "/consent/" + site + "/categories/" + key;
		return confirmation(model, text("catalogue.confirm.category.title", name),
				List.of(text("catalogue.confirm.category.gone", name), text("catalogue.confirm.draft")),
				path + "/delete", text("catalogue.confirm.delete"), path, Map.of());
	}

	/** Deletes once confirmed; a bare request changes nothing and shows what it would do. */
	@PostMapping("/consent/{site}/categories/{key}/delete")
	@PreAuthorize(EDIT)
	String deleteCategory(@PathVariable String site, @PathVariable String key,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model, RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return confirmCategoryDeletion(site, key, model);
		}
		Catalogue c = catalogue.catalogue(site);
		Catalogue.Category category = category(c, key);
		FormErrors errors = attempt(null, () -> catalogue.deleteCategory(site, key));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.deleted");
			return "redirect:/consent/" + site + "?tab=categories";
		}
		return categoryPage(model, c, category, null, errors);
	}

	private String categoryPage(Model model, Catalogue c, Catalogue.Category category, CategoryForm form,
			FormErrors errors) {
		model.addAttribute("catalogue", c);
		model.addAttribute("category", category);
		model.addAttribute("form", form == null ? CategoryForm.of(category) : form);
		model.addAttribute("gcmTypes", CatalogueRules.GCM_TYPES);
		model.addAttribute("errors", errors);
		return CATEGORY;
	}

	private static Catalogue.Category category(Catalogue c, String key) {
		Catalogue.Category category = c.category(key);
		if (category == null) {
			throw new CatalogueNotFound("category " + key);
		}
		return category;
	}

	// --- services

	@PostMapping("/consent/{site}/services")
	@PreAuthorize(EDIT)
	String createService(@PathVariable String site, @Valid @ModelAttribute("form") ServiceForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Catalogue before = catalogue.catalogue(site);
		FormErrors errors = attempt(binding, () -> catalogue.createService(site, form));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.saved");
			return "redirect:/consent/" + site + "/services/" + form.key().strip();
		}
		model.addAttribute("serviceForm", form == null ? ServiceForm.blank() : form);
		return sitePage(model, before, "services", errors);
	}

	@GetMapping("/consent/{site}/services/{key}")
	@PreAuthorize(READ)
	String service(@PathVariable String site, @PathVariable String key, Model model) {
		Catalogue c = catalogue.catalogue(site);
		return servicePage(model, c, service(c, key), null, null, FormErrors.NONE, FormErrors.NONE);
	}

	@PostMapping("/consent/{site}/services/{key}")
	@PreAuthorize(EDIT)
	String saveService(@PathVariable String site, @PathVariable String key,
			@Valid @ModelAttribute("form") ServiceForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Catalogue c = catalogue.catalogue(site);
		Catalogue.Service service = service(c, key);
		FormErrors errors = attempt(binding, () -> catalogue.updateService(site, key, form));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.saved");
			return "redirect:/consent/" + site + "/services/" + key;
		}
		return servicePage(model, c, service, form, null, errors, FormErrors.NONE);
	}

	@GetMapping("/consent/{site}/services/{key}/delete")
	@PreAuthorize(EDIT)
	String confirmServiceDeletion(@PathVariable String site, @PathVariable String key, Model model) {
		Catalogue.Service service = service(catalogue.catalogue(site), key);
		String path = "/consent/" + site + "/services/" + key;
		return confirmation(model, text("catalogue.confirm.service.title", service.name()),
				List.of(text("catalogue.confirm.service.cookies", service.name(), service.cookies().size()),
						text("catalogue.confirm.draft")),
				path + "/delete", text("catalogue.confirm.delete"), path, Map.of());
	}

	/** Deletes once confirmed; a bare request changes nothing and shows what it would do. */
	@PostMapping("/consent/{site}/services/{key}/delete")
	@PreAuthorize(EDIT)
	String deleteService(@PathVariable String site, @PathVariable String key,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model, RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return confirmServiceDeletion(site, key, model);
		}
		catalogue.deleteService(site, key);
		redirect.addFlashAttribute("notice", "catalogue.deleted");
		return "redirect:/consent/" + site + "?tab=services";
	}

	private String servicePage(Model model, Catalogue c, Catalogue.Service service, ServiceForm form,
			CookieForm cookieForm, FormErrors errors, FormErrors cookieErrors) {
		model.addAttribute("catalogue", c);
		model.addAttribute("service", service);
		model.addAttribute("form", form == null ? ServiceForm.of(service) : form);
		model.addAttribute("cookieForm", cookieForm == null ? CookieForm.blank() : cookieForm);
		model.addAttribute("errors", errors);
		model.addAttribute("cookieErrors", cookieErrors);
		return SERVICE;
	}

	private static Catalogue.Service service(Catalogue c, String key) {
		Catalogue.Service service = c.service(key);
		if (service == null) {
			throw new CatalogueNotFound("service " + key);
		}
		return service;
	}

	// --- cookies

	@PostMapping("/consent/{site}/services/{key}/cookies")
	@PreAuthorize(EDIT)
	String addCookie(@PathVariable String site, @PathVariable String key, @Valid @ModelAttribute("form") CookieForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Catalogue c = catalogue.catalogue(site);
		Catalogue.Service service = service(c, key);
		FormErrors errors = attempt(binding, () -> catalogue.addCookie(site, key, form));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.saved");
			return "redirect:/consent/" + site + "/services/" + key;
		}
		return servicePage(model, c, service, null, form == null ? CookieForm.blank() : form, FormErrors.NONE, errors);
	}

	@GetMapping("/consent/{site}/services/{key}/cookies/{id}")
	@PreAuthorize(READ)
	String cookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id, Model model) {
		Catalogue c = catalogue.catalogue(site);
		return cookiePage(model, c, service(c, key), catalogue.cookie(site, key, id), null, FormErrors.NONE);
	}

	@PostMapping("/consent/{site}/services/{key}/cookies/{id}")
	@PreAuthorize(EDIT)
	String saveCookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id,
			@Valid @ModelAttribute("form") CookieForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Catalogue c = catalogue.catalogue(site);
		Catalogue.Cookie cookie = catalogue.cookie(site, key, id);
		FormErrors errors = attempt(binding, () -> catalogue.updateCookie(site, key, id, form));
		if (errors == null) {
			redirect.addFlashAttribute("notice", "catalogue.saved");
			return "redirect:/consent/" + site + "/services/" + key;
		}
		return cookiePage(model, c, service(c, key), cookie, form, errors);
	}

	@PostMapping("/consent/{site}/services/{key}/cookies/{id}/confirm")
	@PreAuthorize(EDIT)
	String confirmCookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id,
			RedirectAttributes redirect) {
		catalogue.confirmCookie(site, key, id, null);
		redirect.addFlashAttribute("notice", "catalogue.cookie.confirmed");
		return "redirect:/consent/" + site;
	}

	@GetMapping("/consent/{site}/services/{key}/cookies/{id}/delete")
	@PreAuthorize(EDIT)
	String confirmCookieDeletion(@PathVariable String site, @PathVariable String key, @PathVariable UUID id,
			Model model) {
		Catalogue.Service service = service(catalogue.catalogue(site), key);
		Catalogue.Cookie cookie = catalogue.cookie(site, key, id);
		String path = "/consent/" + site + "/services/" + key + "/cookies/" + id;
		return confirmation(model, text("catalogue.confirm.cookie.title", cookie.name()),
				List.of(text("catalogue.confirm.cookie.gone", cookie.name(), service.name()), text("catalogue.confirm.draft")),
				path + "/delete", text("catalogue.confirm.delete"), path, Map.of());
	}

	/** Deletes once confirmed; a bare request changes nothing and shows what it would do. */
	@PostMapping("/consent/{site}/services/{key}/cookies/{id}/delete")
	@PreAuthorize(EDIT)
	String deleteCookie(@PathVariable String site, @PathVariable String key, @PathVariable UUID id,
			@RequestParam(name = Confirmed.FIELD, required = false) String confirmed, Model model, RedirectAttributes redirect) {
		if (!Confirmed.by(confirmed)) {
			return confirmCookieDeletion(site, key, id, model);
		}
		catalogue.deleteCookie(site, key, id);
		redirect.addFlashAttribute("notice", "catalogue.deleted");
		return "redirect:/consent/" + site + "/services/" + key;
	}

	private String cookiePage(Model model, Catalogue c, Catalogue.Service service, Catalogue.Cookie cookie,
			CookieForm form, FormErrors errors) {
		model.addAttribute("catalogue", c);
		model.addAttribute("service", service);
		model.addAttribute("cookie", cookie);
		model.addAttribute("form", form == null ? CookieForm.of(cookie) : form);
		model.addAttribute("errors", errors);
		return COOKIE;
	}

	// --- helpers

	private static String saved(RedirectAttributes redirect, String site, String tab) {
		redirect.addFlashAttribute("notice", "catalogue.saved");
		return "redirect:/consent/" + site + "?tab=" + tab;
	}

	private static void putIfAbsent(Model model, String name, Object value) {
		if (!model.containsAttribute(name) || model.getAttribute(name) == null) {
			model.addAttribute(name, value);
		}
	}

	/**
	 * Runs the change when the form is valid. Returns null when it was saved, else what was wrong
	 * (format errors of the form, or the rule the catalogue refused), in the reader's language.
	 */
	private FormErrors attempt(BindingResult binding, Runnable change) {
		var locale = LocaleContextHolder.getLocale();
		Map<String, List<String>> fields = new LinkedHashMap<>();
		List<String> global = new ArrayList<>();
		if (binding != null && binding.hasErrors()) {
			for (FieldError error : binding.getFieldErrors()) {
				String message = error.isBindingFailure()
						? messages.getMessage("catalogue.error.type-mismatch", null, locale)
						: messages.getMessage(error, locale);
				fields.computeIfAbsent(error.getField(), f -> new ArrayList<>()).add(message);
			}
			binding.getGlobalErrors().forEach(e -> global.add(e.getDefaultMessage()));
			return FormErrors.of(fields, global);
		}
		try {
			change.run();
			return null;
		}
		catch (InvalidCatalogueChange e) {
			String message = messages.getMessage(e.refusal(), locale);
			if (e.field() == null) {
				global.add(message);
			}
			else {
				fields.computeIfAbsent(e.field(), f -> new ArrayList<>()).add(message);
			}
			return FormErrors.of(fields, global);
		}
		catch (ConcurrencyFailureException | DuplicateKeyException e) {
			global.add(messages.getMessage("catalogue.error.changed-meanwhile", null, locale));
			return FormErrors.of(fields, global);
		}
	}
}
