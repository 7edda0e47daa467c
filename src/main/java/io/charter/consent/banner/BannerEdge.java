package io.charter.consent.banner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UrlPathHelper;

import io.charter.consent.ConsentProblem;
import io.charter.consent.DatabaseUnavailable;
import io.charter.platform.ProblemWriter;


/**
 * Answers the banner's public resources (script, stylesheet, config) ahead of the rest of the
 * servlet stack, as a static file server would. They are the busiest URLs Charter serves (every
 * page view of every site), the same bytes for everyone, with no session, cookie or user; the full
 * stack (observation, security chain, dispatcher) cost most of their time. What it does not
 * recognise, or a site, version or language that does not exist, goes on to {@link BannerController}
 * for its problem-detail answer. Everything comes from memory ({@link Banners}); what is not there
 * and cannot be read from the database in time is answered 503 here, at once, so that a database
 * outage never stalls the pages of the sites that load the banner.
 */
final class BannerEdge implements Filter {

	private static final UrlPathHelper PATHS = new UrlPathHelper();
	/** Request attribute: the valve has looked at this request already and left it to the stack. */
	static final String PASSED = BannerEdge.class.getName() + ".PASSED";

	/** When to ask again after a 503: the banner does not retry by itself, a reload of the page does. */
	static final Duration RETRY = Duration.ofSeconds(1);
	private static final byte[] UNAVAILABLE_SCRIPT = "/* Charter: the banner is not available right now */\n"
			.getBytes(StandardCharsets.UTF_8);

	private final Banners banners;
	private final ProblemWriter problems;

	BannerEdge(Banners banners, ProblemWriter problems) {
		this.banners = banners;
		this.problems = problems;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		// Already looked at by the valve in front of Tomcat's pipeline, and left to the stack.
		if (request.getAttribute(PASSED) != null
				|| !answer(request, (HttpServletResponse) res, PATHS.getPathWithinApplication(request))) {
			chain.doFilter(req, res);
		}
	}

	/**
	 * Answers the request if it is one of the banner's resources and returns true; false leaves it to
	 * the rest of the stack.
	 *
	 * @param path decoded and without {@code ;parameters}, within the application, as Spring MVC would
	 *        match it
	 */
	boolean answer(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		String method = request.getMethod();
		Optional<Answer> answer;
		try {
			answer = "GET".equals(method) || "HEAD".equals(method) ? resolve(request, path) : Optional.empty();
		}
		catch (DatabaseUnavailable unavailable) {
			unavailable(request, response);
			return true;
		}
		if (answer.isEmpty()) {
			return false;
		}
		answer.get().resource().write(request, response, answer.get().cacheControl());
		return true;
	}

	private Optional<Answer> resolve(HttpServletRequest request, String path) {
		if (!path.startsWith("/c/")) {
			return Optional.empty();
		}
		int slash = path.indexOf('/', 3);
		if (slash < 0) {
			return Optional.empty();
		}
		String site = path.substring(3, slash);
		String rest = path.substring(slash + 1);
		return switch (rest) {
			case "banner.js" -> banners.script(site).map(r -> new Answer(r, BannerResource.REVALIDATE));
			case "config.json" -> banners.currentConfig(site, request.getParameter("lang"))
					.map(r -> new Answer(r, BannerResource.SHORT));
			case "banner.css" -> Optional.of(new Answer(banners.stylesheet(),
					banners.build().equals(request.getParameter("h")) ? BannerResource.IMMUTABLE : BannerResource.REVALIDATE));
			case "settings.js" -> Optional.of(new Answer(banners.settings(),
					banners.build().equals(request.getParameter("b")) ? BannerResource.IMMUTABLE : BannerResource.REVALIDATE));
			default -> versionConfig(site, rest);
		};
	}

	/**
	 * 503 with Retry-After, never cached: an empty script for {@code banner.js} (the page goes on
	 * without a banner), a problem detail for the configs.
	 */
	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		BannerResource.publicHeaders(response);
		if (!request.getRequestURI().endsWith("/banner.js")) {
			ConsentProblem.write(problems, request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"The banner's configuration cannot be read right now. Try again.", null, RETRY);
			return;
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY.toSeconds()));
		response.setContentType(Banners.JAVASCRIPT.toString());
		response.setContentLength(UNAVAILABLE_SCRIPT.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(UNAVAILABLE_SCRIPT);
		}
	}

	/** {@code v/{version}/config.{lang}.json}. */
	private Optional<Answer> versionConfig(String site, String rest) {
		if (!rest.startsWith("v/") || !rest.endsWith(".json")) {
			return Optional.empty();
		}
		int slash = rest.indexOf('/', 2);
		if (slash < 0 || !rest.startsWith("config.", slash + 1)) {
			return Optional.empty();
		}
		String version = rest.substring(2, slash);
		String lang = rest.substring(slash + 1 + "config.".length(), rest.length() - ".json".length());
		if (!version.matches("[1-9][0-9]{0,8}")) {
			return Optional.empty();
		}
		return banners.versionConfig(site, Integer.parseInt(version), lang)
				.map(r -> new Answer(r, BannerResource.IMMUTABLE));
	}

	private record Answer(BannerResource resource, String cacheControl) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/**
		 * Before everything else, observation and Spring Security included. On Tomcat the valve answers
		 * first; the filter is for the requests it left (they pass through) and for servers without it.
		 */
		@Bean
		FilterRegistrationBean<BannerEdge> bannerEdge(Banners banners, ProblemWriter problems) {
			FilterRegistrationBean<BannerEdge> registration = new FilterRegistrationBean<>(new BannerEdge(banners, problems));
			registration.addUrlPatterns("/c/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		@Bean
		BannerValve.First bannerValve(FilterRegistrationBean<BannerEdge> bannerEdge) {
			return new BannerValve.First(bannerEdge.getFilter());
		}
	}
}
