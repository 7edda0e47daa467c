package io.charter.consent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import io.charter.shared.ChainOrder;
import io.charter.shared.SecurityHeaders;

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
				// Pages under /c/ (the declaration) have Charter's page values: no site frames them (a site
				// embeds the declaration by fetching its fragment, CORS, not in a frame). Scripts and JSON
				// are loaded cross-origin, which these headers do not restrict.
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.PAGE_POLICY))
						.frameOptions(f -> f.deny())
						.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.get(
								SecurityHeaders.REFERRER_POLICY))));
		return http.build();
	}
}
