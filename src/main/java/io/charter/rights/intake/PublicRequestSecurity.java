package io.charter.rights.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.charter.platform.MachineEndpoint;
import io.charter.shared.ChainOrder;
import io.charter.shared.SecurityHeaders;

/**
 * The public request form and the links e-mailed to requesters, open to anyone; and the callback
 * of connected systems. CSRF stays on: the
 * form is a same-origin HTML form, and its token lives in a session cookie. Links carry secrets in
 * their path, so pages here send no Referer anywhere.
 */
@Configuration(proxyBeanMethods = false)
class PublicRequestSecurity {

	@Bean
	@Order(ChainOrder.PUBLIC_PAGES)
	SecurityFilterChain publicRequestChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/privacy/**")
				.authorizeHttpRequests(a -> a.anyRequest().permitAll())
				.requestCache(r -> r.disable())
				// The only refusal here is a missing or stale CSRF token (a form left open past its
				// session): send the visitor back to the page, which says so, instead of a bare 403.
				.exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> response.sendRedirect(
						request.getRequestURI() + "?expired")))
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.PAGE_POLICY))
						.frameOptions(f -> f.deny())
						.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	/**
	 * Connected systems report back without an account: each callback is signed with the system's
	 * secret and checked by the controller. Stateless, no CSRF (no browser, no cookie): platform's
	 * chain for machine endpoints.
	 */
	@Bean
	static MachineEndpoint systemCallbackEndpoint() {
		return MachineEndpoint.open("/api/v1/rights/callbacks/**");
	}
}
