package io.charter.consent;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The banner a website embeds. {@code banner.js} is the one URL in the site's page: revalidated on
 * every use (ETag, 304) so a publication reaches visitors at once; it names the current version, so
 * everything it loads next is versioned and cached for good.
 */
@RestController
class BannerController {

	static final String REVALIDATE = "no-cache";
	static final String SHORT = "public, max-age=60";
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private final Banners banners;

	BannerController(Banners banners) {
		this.banners = banners;
	}

	@GetMapping("/c/{site}/banner.js")
	ResponseEntity<byte[]> script(@PathVariable String site,
			@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return banners.script(site).map(r -> r.answer(acceptEncoding, ifNoneMatch, REVALIDATE))
				// An empty script: the page goes on without a banner, and its console shows the 404.
				.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(Banners.JAVASCRIPT)
						.header(HttpHeaders.CACHE_CONTROL, "no-store")
						.body("/* Charter: no published banner for this site */\n".getBytes()));
	}

	@GetMapping("/c/{site}/config.json")
	ResponseEntity<?> currentConfig(@PathVariable String site, @RequestParam(required = false) String lang,
			@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		return banners.currentConfig(site, lang, request.getContextPath())
				.<ResponseEntity<?>>map(r -> r.answer(acceptEncoding, ifNoneMatch, SHORT))
				.orElseGet(() -> notFound("No published banner for this site."));
	}

	@GetMapping("/c/{site}/v/{version}/config.{lang}.json")
	ResponseEntity<?> versionConfig(@PathVariable String site, @PathVariable String version,
			@PathVariable String lang,
			@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		if (!version.matches("[1-9][0-9]{0,8}")) {
			return notFound("No such version.");
		}
		return banners.versionConfig(site, Integer.parseInt(version), lang, request.getContextPath())
				.<ResponseEntity<?>>map(r -> r.answer(acceptEncoding, ifNoneMatch, IMMUTABLE))
				.orElseGet(() -> notFound("No such version or language for this site."));
	}

	/**
	 * The stylesheet for browsers without constructable stylesheets (the script adopts it directly
	 * elsewhere); cached for good when asked with the current build id.
	 */
	@GetMapping("/c/{site}/banner.css")
	ResponseEntity<byte[]> stylesheet(@RequestParam(value = "h", required = false) String build,
			@RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
			@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		return banners.stylesheet().answer(acceptEncoding, ifNoneMatch,
				banners.build().equals(build) ? IMMUTABLE : REVALIDATE);
	}

	private static ResponseEntity<ProblemDetail> notFound(String detail) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail));
	}
}
