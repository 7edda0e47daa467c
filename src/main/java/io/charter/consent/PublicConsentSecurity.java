package io.charter.consent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import io.charter.shared.ChainOrder;

/**
 * The public surface a website calls: banner script, its configuration, the consent log and the
 * declaration. No session, no CSRF token (visitors have no Charter account): the consent API
 * checks the request's Origin against the site's allowed origins instead, and answers CORS itself.
 */
@Configuration(proxyBeanMethods = false)
class PublicConsentSecurity {

	@Bean
	@Order(ChainOrder.PUBLIC_SITE)
	SecurityFilterChain publicConsentChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/c/**")
				.authorizeHttpRequests(a -> a.anyRequest().permitAll())
				.csrf(c -> c.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(r -> r.disable())
				.securityContext(c -> c.disable())
				.anonymous(a -> a.disable())
				// Pages under /c/ (the declaration) keep the strict policy; scripts and JSON are embedded
				// in other sites, so they may not be framed but may be loaded cross-origin.
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"))
						.frameOptions(f -> f.sameOrigin()));
		return http.build();
	}
}
