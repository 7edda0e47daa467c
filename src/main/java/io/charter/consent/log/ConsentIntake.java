package io.charter.consent.log;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.UrlPathHelper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.ConsentLogSettings;
import io.charter.consent.ConsentProblem;
import io.charter.consent.DatabaseUnavailable;
import io.charter.consent.DatabaseWatch;
import io.charter.platform.ProblemWriter;
import io.charter.shared.NotFound;

/**
 * {@code POST /c/{site}/consents}, answered ahead of the rest of the servlet stack. Every page view
 * that makes a choice calls it, from any browser, with no session or user; the full stack
 * (observation, security chain, dispatcher, and a second pass of all of it for the asynchronous
 * answer) cost more CPU than recording the consent. The request is put in asynchronous mode and
 * answered 201 once {@link ConsentWriter} has committed the record (or with a problem detail),
 * without a container thread waiting. CORS here is {@link ConsentCors}'s processor and per-site
 * configuration.
 */
final class ConsentIntake implements Filter {

	private static final Logger logger = LoggerFactory.getLogger(ConsentIntake.class);
	private static final Pattern PATH = Pattern.compile("^/c/([^/]+)/consents$");
	/** Decoded and without ;parameters, as Spring MVC would match it. */
	private static final UrlPathHelper PATHS = new UrlPathHelper();

	private final ConsentLog log;
	private final ConsentCors.Sites cors;
	private final ConsentLogSettings settings;
	private final JsonMapper json;
	private final ProblemWriter problems;
	private final MeterRegistry meters;
	/** One timer per status, looked up once: this is the busiest write path Charter has. */
	private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();
	private final ConsentCors.ActualRequests corsAnswers = new ConsentCors.ActualRequests(ConsentCors.PROCESSOR);

	ConsentIntake(ConsentLog log, ConsentCors.Sites cors, ConsentLogSettings settings, JsonMapper json,
			ProblemWriter problems, MeterRegistry meters) {
		this.log = log;
		this.cors = cors;
		this.settings = settings;
		this.json = json;
		this.problems = problems;
		this.meters = meters;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		String method = request.getMethod();
		Matcher path = "POST".equals(method) || !"OPTIONS".equals(method) && request.getRequestURI().endsWith("/consents")
				? PATH.matcher(PATHS.getPathWithinApplication(request))
				: null;
		if (path == null || !path.matches()) {
			chain.doFilter(req, res);
			return;
		}
		HttpServletResponse response = (HttpServletResponse) res;
		if (!"POST".equals(method)) {
			// The collection is written, never read, replaced or deleted here (a record is read at its own URL).
			response.setHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
			problem(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Consents are recorded with POST.", null, null);
			return;
		}
		Timer.Sample timing = Timer.start(meters);
		String site = path.group(1);
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		try {
			headers(request, response, site, origin);
		}
		catch (DatabaseUnavailable unavailable) {
			refused(request, response, unavailable, timing);
			return;
		}
		if (!acceptedType(request.getContentType())) {
			response.setHeader(HttpHeaders.ACCEPT, "text/plain, application/json");
			problem(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the consent as text/plain or application/json.",
					null, null);
			stop(timing, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
			return;
		}
		int limit = (int) Math.min(Integer.MAX_VALUE - 1, settings.maxBodySize().toBytes());
		byte[] body = null;
		boolean tooLarge = request.getContentLengthLong() > limit;
		if (!tooLarge) {
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(limit + 1);
			}
			tooLarge = body.length > limit;
		}
		ConsentLog.Submission submission = new ConsentLog.Submission(site, origin, request.getRemoteAddr(),
				request.getHeader(HttpHeaders.USER_AGENT), body, tooLarge);
		CompletableFuture<ConsentLog.Receipt> recorded;
		try {
			recorded = log.record(submission);
		}
		catch (RuntimeException refusal) {
			refused(request, response, refusal, timing);
			return;
		}
		AsyncContext async = request.startAsync();
		// The container's async timeout bounds the wait: no timer per request.
		async.setTimeout(settings.writeTimeout().toMillis());
		Answer answer = new Answer(async, timing, request, response);
		async.addListener(answer);
		recorded.whenComplete((receipt, failure) -> answer.once(() -> {
			if (failure == null) {
				response.setStatus(HttpStatus.CREATED.value());
				response.setHeader(HttpHeaders.LOCATION, "/c/" + site + "/consents/" + receipt.consentId());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				byte[] answerBody = json.writeValueAsBytes(receipt);
				response.setContentLength(answerBody.length);
				response.getOutputStream().write(answerBody);
				stop(timing, HttpStatus.CREATED.value());
			}
			else {
				refused(request, response, failure instanceof CompletionException && failure.getCause() != null
						? failure.getCause() : failure, timing);
			}
		}));
	}

	/**
	 * CORS of the actual request: an allowed origin is echoed, every answer varies by Origin.
	 * {@link DatabaseUnavailable} when the site's origins are not in memory and cannot be read in time.
	 */
	private void headers(HttpServletRequest request, HttpServletResponse response, String site, String origin)
			throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		if (origin == null) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
			return;
		}
		try {
			// A refused origin gets no CORS header; the log answers it 403.
			corsAnswers.process(cors.forSite(site, false), request, response);
		}
		catch (NotFound unknownSite) {
			// Answered 404 by the log itself.
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
	}

	private static boolean acceptedType(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type) || MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type);
		}
		catch (RuntimeException malformed) {
			return false;
		}
	}

	private void refused(HttpServletRequest request, HttpServletResponse response, Throwable failure, Timer.Sample timing)
			throws IOException {
		HttpStatus status;
		if (failure instanceof ConsentRefused refused) {
			status = refused.status();
			problem(request, response, status, refused.getMessage(), refused.fieldName(), refused.retryAfter());
		}
		else if (failure instanceof NotFound notFound) {
			status = HttpStatus.NOT_FOUND;
			problem(request, response, status, notFound.getMessage(), null, null);
		}
		else if (DatabaseWatch.isOutage(failure)) {
			// The site's declaration could not be read in time: nothing was queued.
			status = HttpStatus.SERVICE_UNAVAILABLE;
			problem(request, response, status, "The consent cannot be recorded right now. Try again.", null,
					ConsentWriter.RETRY);
		}
		else {
			logger.error("Consent not recorded", failure);
			status = HttpStatus.INTERNAL_SERVER_ERROR;
			problem(request, response, status, "The consent could not be recorded.", null, null);
		}
		stop(timing, status.value());
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			String field, Duration retryAfter) throws IOException {
		ConsentProblem.write(problems, request, response, status, detail, field, retryAfter);
	}

	private void stop(Timer.Sample timing, int status) {
		timing.stop(timers.computeIfAbsent(status,
				s -> meters.timer("charter.consent.writes", "status", String.valueOf(s))));
	}

	/**
	 * The one answer of an asynchronous request: the commit's, or 503 with Retry-After when the record
	 * was not committed within the write timeout. Writing and completing happen under one lock, so the
	 * container's timeout never finds the request neither answered nor completed while the writer is
	 * still writing it.
	 */
	private final class Answer implements AsyncListener {

		private final AsyncContext async;
		private final Timer.Sample timing;
		private final HttpServletRequest request;
		private final HttpServletResponse response;
		private boolean answered;

		Answer(AsyncContext async, Timer.Sample timing, HttpServletRequest request, HttpServletResponse response) {
			this.async = async;
			this.timing = timing;
			this.request = request;
			this.response = response;
		}

		/** Writes the answer and completes the request, unless it was answered already. */
		synchronized void once(Writing writing) {
			if (answered) {
				return;
			}
			answered = true;
			try {
				writing.write();
			}
			catch (IOException | RuntimeException e) {
				// The browser went away: the record is committed (or refused) all the same.
				logger.debug("Consent answer not delivered: {}", e.toString());
			}
			finally {
				async.complete();
			}
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			once(() -> refused(request, response, ConsentRefused.retryLater(HttpStatus.SERVICE_UNAVAILABLE,
					"The consent could not be recorded in time. Try again.", ConsentWriter.RETRY), timing));
		}

		@Override
		public synchronized void onError(AsyncEvent event) {
			if (!answered) {
				answered = true;
				stop(timing, 0);
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}
	}

	@FunctionalInterface
	private interface Writing {
		void write() throws IOException;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Before everything else, observation and Spring Security included. */
		@Bean
		FilterRegistrationBean<ConsentIntake> consentIntake(ConsentLog log, ConsentCors.Sites cors,
				ConsentLogSettings settings, JsonMapper json, ProblemWriter problems, MeterRegistry meters) {
			FilterRegistrationBean<ConsentIntake> registration = new FilterRegistrationBean<>(
					new ConsentIntake(log, cors, settings, json, problems, meters));
			registration.addUrlPatterns("/c/*");
			registration.setAsyncSupported(true);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return registration;
		}
	}
}
