package io.charter.consent.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.charter.consent.web.Catalogue;


/**
 * The banner's two layers with the draft texts and catalogue of one language, before they are
 * published: the first layer, or ({@code ?layer=preferences}) the preferences layer with one
 * switch per category and its services, laid out in the banner's own markup and stylesheet, on a
 * page of its own with no script at all, so a preview can neither write a consent record nor be
 * mistaken for a choice. Staff only, never stored by a cache (the draft is not public).
 */
@Controller
class BannerPreviewController {

	static final String PREVIEW = "consent/preview";

	private final CatalogueManagement catalogue;
	private final MessageSource messages;

	BannerPreviewController(CatalogueManagement catalogue, MessageSource messages) {
		this.catalogue = catalogue;
		this.messages = messages;
	}

	@GetMapping("/consent/{site}/preview/{lang}")
	@PreAuthorize(CatalogueController.READ)
	String preview(@PathVariable String site, @PathVariable String lang,
			@RequestParam(defaultValue = "first") String layer, Model model, HttpServletResponse response) {
		Catalogue c = catalogue.catalogue(site);
		if (!c.site().languages().contains(lang)) {
			throw new CatalogueNotFound("language " + lang + " of site " + site);
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("site", c.site());
		model.addAttribute("lang", lang);
		Map<String, String> texts = new HashMap<>(c.bannerTexts().getOrDefault(lang, Map.of()));
		// Not edited per site (yet): the banner takes it from the bundle, in the banner's language.
		texts.put("settingsDescription", messages.getMessage("catalogue.banner-default.settingsDescription", null, "",
				Locale.forLanguageTag(lang)));
		model.addAttribute("texts", texts);
		model.addAttribute("catalogue", c);
		model.addAttribute("preferences", "preferences".equals(layer));
		return PREVIEW;
	}

	/** The banner's stylesheet as built, which the banner itself adopts inside its shadow root. */
	@GetMapping("/consent/{site}/preview/banner.css")
	@PreAuthorize(CatalogueController.READ)
	ResponseEntity<String> stylesheet(@PathVariable String site) throws IOException {
		try (InputStream in = new ClassPathResource("banner/banner.css").getInputStream()) {
			return ResponseEntity.ok().cacheControl(CacheControl.noStore())
					.contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
					.body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}
}
