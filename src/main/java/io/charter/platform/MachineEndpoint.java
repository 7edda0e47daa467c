package io.charter.platform;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.Filter;

/**
 * Paths that machines call (osquery, connected systems' callbacks, SCIM), contributed as a bean by
 * the module that serves them. All of them share one security chain ({@link MachineEndpointSecurity}):
 * no browser and no cookie, so no session, no CSRF and no saved request, and the API's content
 * security policy. Each contribution says how its own paths are authorised, and nothing it adds
 * acts on another's paths.
 *
 * @param pattern the paths, e.g. {@code /osquery/**}
 * @param authority the authority a caller needs; {@code null}: open, the controller checks the
 *        caller's own proof (a node key, a signature)
 * @param authentication reads the caller's credential on these paths only; {@code null}: none
 * @param unauthenticated writes the refusal of a caller without a credential; {@code null}: none needed
 * @param denied writes the refusal of a caller without the authority; {@code null}: none needed
 */
public record MachineEndpoint(String pattern, String authority, Filter authentication,
		AuthenticationEntryPoint unauthenticated, AccessDeniedHandler denied) {

	/** Open to every caller: the controller checks what the call proves (a node key, a signature). */
	public static MachineEndpoint open(String pattern) {
		return new MachineEndpoint(pattern, null, null, null, null);
	}

	/** Only callers whom {@code authentication} gave {@code authority}; the handlers write the refusals. */
	public static MachineEndpoint requiring(String pattern, String authority, Filter authentication,
			AuthenticationEntryPoint unauthenticated, AccessDeniedHandler denied) {
		return new MachineEndpoint(pattern, authority, authentication, unauthenticated, denied);
	}
}
