package io.charter.consent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The consent log as websites call it: {@code POST /c/{site}/consents} records a choice and
 * answers 201 with a receipt once the record is committed; {@code GET /c/{site}/consents/{id}}
 * shows the receipt to whoever holds the id. Public, stateless, CORS to the site's origins.
 * Accepts {@code text/plain} (a CORS simple request: no preflight) and {@code application/json}.
 */
@RestController
class ConsentLogApi {

	private final ConsentLog log;
	private final ConsentLogSettings settings;

	ConsentLogApi(ConsentLog log, ConsentLogSettings settings) {
		this.log = log;
		this.settings = settings;
	}

	@PostMapping(path = "/c/{site}/consents", consumes = { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	DeferredResult<ResponseEntity<ConsentLog.Receipt>> record(@PathVariable String site, HttpServletRequest request)
			throws IOException {
		int limit = (int) Math.min(Integer.MAX_VALUE - 1, settings.maxBodySize().toBytes());
		byte[] body = null;
		boolean tooLarge = request.getContentLengthLong() > limit;
		if (!tooLarge) {
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(limit + 1);
			}
			tooLarge = body.length > limit;
		}
		ConsentLog.Submission submission = new ConsentLog.Submission(site, request.getHeader(HttpHeaders.ORIGIN),
				request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT), body, tooLarge);
		// The container's async timeout bounds the wait: no timer per request.
		DeferredResult<ResponseEntity<ConsentLog.Receipt>> answer = new DeferredResult<>(settings.writeTimeout().toMillis());
		answer.onTimeout(() -> answer.setErrorResult(ConsentRefused.retryLater(HttpStatus.SERVICE_UNAVAILABLE,
				"The consent could not be recorded in time. Try again.", java.time.Duration.ofSeconds(1))));
		log.record(submission).whenComplete((receipt, failure) -> {
			if (failure != null) {
				answer.setErrorResult(failure instanceof CompletionException && failure.getCause() != null
						? failure.getCause() : failure);
			}
			else {
				answer.setResult(ResponseEntity.created(URI.create("/c/" + site + "/consents/" + receipt.consentId()))
						.body(receipt));
			}
		});
		return answer;
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
		problem.setInstance(URI.create(request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "")));
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

		/** After Spring Security (which lets /c/** through), before the dispatcher. */
		@Bean
		FilterRegistrationBean<ConsentCors> consentCors(ConsentLog log) {
			FilterRegistrationBean<ConsentCors> registration = new FilterRegistrationBean<>(new ConsentCors(log));
			registration.addUrlPatterns("/c/*");
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
			return registration;
		}
	}
}
