package io.charter.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.identity.*}: first administrator, OIDC account creation, sign-in throttling.
 *
 * @param adminEmail first administrator created at start when no user exists (with adminPassword)
 * @param oidcAutoCreate create an EMPLOYEE account on first OIDC sign-in of an unknown e-mail
 * @param maxFailedLogins failures in a row that lock an account
 * @param lockout how long an account stays locked
 * @param maxFailuresPerSource failed sign-ins one source address may make per sourceWindow
 * @param invitationValidity how long an invitation or reset link works
 */
@ConfigurationProperties("charter.identity")
record IdentitySettings(String adminEmail, String adminPassword, @DefaultValue("true") boolean oidcAutoCreate,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@DefaultValue("20") int maxFailuresPerSource, @DefaultValue("10m") Duration sourceWindow,
		@DefaultValue("7d") Duration invitationValidity) {
}
