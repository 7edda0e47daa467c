package io.charter.consent.banner;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The banner's URLs as far as {@link BannerEdge} leaves them to Spring MVC: a site, version or
 * language that does not exist. (The stylesheet is the same for every site: the edge always has it.) {@code banner.js} is the one URL in the site's page: revalidated on
 * every use (ETag, 304) so a publication reaches visitors at once; it names the current version, so
 * everything it loads next is versioned and cached for good.
 */
@RestController
class BannerController {

	@GetMapping("/c/{site}/banner.js")
	ResponseEntity<byte[]> script() {
		// An empty script: the page goes on without a banner, and its console shows the 404.
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(Banners.JAVASCRIPT)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body("/* Charter: no published banner for this site */\n".getBytes());
	}

	@GetMapping("/c/{site}/config.json")
	ResponseEntity<ProblemDetail> currentConfig() {
		return notFound("No published banner for this site.");
	}

	@GetMapping("/c/{site}/v/{version}/config.{lang}.json")
	ResponseEntity<ProblemDetail> versionConfig() {
		return notFound("No such version or language for this site.");
	}

	private static ResponseEntity<ProblemDetail> notFound(String detail) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail));
	}
}
