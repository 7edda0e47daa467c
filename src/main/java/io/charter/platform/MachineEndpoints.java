package io.charter.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

import io.charter.shared.SecurityHeaders;

/**
 * The common ground of every security chain for endpoints that machines call (osquery, connected
 * systems' callbacks, SCIM): no browser and no cookie, so no session, no CSRF and no saved request,
 * and the API's content security policy. Each chain adds how it authorises on top.
 */
public final class MachineEndpoints {

	private MachineEndpoints() {
	}

	/** The chain for these paths, stateless; authorisation is the caller's to add. */
	public static HttpSecurity stateless(HttpSecurity http, String pathPattern) throws Exception {
		return http.securityMatcher(pathPattern)
				.csrf(c -> c.disable())
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(r -> r.disable())
				.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityHeaders.API_POLICY)));
	}
}
