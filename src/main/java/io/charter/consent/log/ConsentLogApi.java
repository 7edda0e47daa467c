package io.charter.consent.log;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.charter.platform.ProblemWriter;


/**
 * The consent log as websites call it: {@code GET /c/{site}/consents/{id}} shows the receipt to
 * whoever holds the id. Public, stateless, CORS to the site's origins. Recording
 * ({@code POST /c/{site}/consents}) is {@link ConsentIntake}'s, ahead of the servlet stack.
 */
@RestController
class ConsentLogApi {

	private final ConsentLog log;

	ConsentLogApi(ConsentLog log) {
		this.log = log;
	}

	@GetMapping(path = "/c/{site}/consents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ConsentLog.StoredReceipt> receipt(@PathVariable String site, @PathVariable String id,
			HttpServletRequest request) {
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(log.receipt(site, id, request.getHeader(HttpHeaders.ORIGIN)));
	}

	@ExceptionHandler(ConsentRefused.class)
	ResponseEntity<ProblemDetail> refused(ConsentRefused e, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
		problem.setInstance(ProblemWriter.instance(request.getRequestURI()));
		if (e.fieldName() != null) {
			problem.setProperty("errors", List.of(Map.of("field", e.fieldName(), "message", e.getMessage())));
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (e.retryAfter() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
		}
		return answer.body(problem);
	}


	@Configuration(proxyBeanMethods = false)
	static class Cors {

		@Bean
		ConsentCors.Sites consentCorsSites(ConsentLog log) {
			return new ConsentCors.Sites(log::allowedOrigins);
		}

		/** After Spring Security (which lets /c/** through), before the dispatcher. */
		@Bean
		FilterRegistrationBean<ConsentCors> consentCors(ConsentCors.Sites sites, ProblemWriter problems) {
			FilterRegistrationBean<ConsentCors> registration = new FilterRegistrationBean<>(new ConsentCors(sites, problems));
			registration.addUrlPatterns("/c/*");
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
			return registration;
		}
	}
}
