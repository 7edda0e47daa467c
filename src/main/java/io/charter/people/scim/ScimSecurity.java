package io.charter.people.scim;

import java.io.IOException;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.platform.MachineEndpoint;
import io.charter.shared.ActorIdentity;
import io.charter.shared.PathAccess;
import io.charter.shared.Role;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /scim/**}, in platform's chain for machine endpoints: only a SCIM credential
 * ({@code Authorization: Bearer scim_...}) gets in, no session, no CSRF (no browser, no cookie),
 * refusals in SCIM's error format.
 * Staff sessions and API tokens are not looked at, so they cannot reach it.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurity {

	static final String AUTHORITY = "SCIM_PROVISIONING";

	/** How the audit trail names a provider's changes: {@code scim:<credential id>}. */
	static final String ACTOR_PREFIX = "scim:";

	/** Issuing and revoking credentials is for administrators, in the staff API. */
	@Bean
	static PathAccess scimCredentialsAccess() {
		return PathAccess.readWrite("/api/v1/people/scim-credentials/**", Role.ADMIN);
	}

	/** Their console page likewise, which the wider {@code /people/**} rule would open to SECURITY. */
	@Bean
	static PathAccess scimCredentialsPageAccess() {
		return PathAccess.readWrite(ScimCredentialsPage.PATH + "/**", Role.ADMIN);
	}

	@Bean
	MachineEndpoint scimEndpoint(ScimCredentials credentials, ScimErrors errors) {
		return MachineEndpoint.requiring("/scim/**", AUTHORITY, new Bearer(credentials),
				(request, response, failure) -> {
					response.setHeader("WWW-Authenticate", "Bearer realm=\"scim\"");
					errors.write(response, new ScimException(401, null, "A SCIM bearer credential is required"));
				},
				(request, response, denied) -> errors.write(response, new ScimException(403, null, "Not allowed")));
	}

	/** The identity provider behind a credential, named in the audit trail. */
	record Provider(ScimStore.Credential credential) implements ActorIdentity {

		@Override
		public String actorId() {
			return ACTOR_PREFIX + credential.id();
		}

		@Override
		public String displayName() {
			return "SCIM: " + credential.name();
		}
	}

	/** Reads the bearer credential; an unknown one leaves the request anonymous, which the chain refuses. */
	static final class Bearer extends OncePerRequestFilter {

		private final ScimCredentials credentials;

		Bearer(ScimCredentials credentials) {
			this.credentials = credentials;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				credentials.authenticate(header.substring(7).strip()).ifPresent(c -> {
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(new Authenticated(new Provider(c)));
					SecurityContextHolder.setContext(context);
				});
			}
			chain.doFilter(request, response);
		}
	}

	static final class Authenticated extends AbstractAuthenticationToken {

		private final Provider provider;

		Authenticated(Provider provider) {
			super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
			this.provider = provider;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return provider;
		}
	}
}
