package io.charter.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.charter.shared.Allowance;
import io.charter.shared.Backoff;

/**
 * {@code charter.identity.*}: first administrator, OIDC account creation, sign-in delays.
 *
 * <p>Failed password sign-ins never lock an account: they make the client that fails wait before
 * its next attempt (docs/security.md), counted per client at one account and per client overall.
 *
 * @param adminEmail first administrator created at start when no user exists (with adminPassword)
 * @param oidcAutoCreate create an EMPLOYEE account on first OIDC sign-in of an unknown e-mail
 * @param maxFailedLogins failed sign-ins to one account from one client before each further one
 *        makes that client wait (also the run of failures the audit trail notes)
 * @param maxFailuresPerSource failed sign-ins one client may make, to any accounts, before each
 *        further one makes it wait
 * @param loginDelay the first wait; each further failure doubles it
 * @param maxLoginDelay the longest wait
 * @param sourceWindow how long a client must stay away, once its wait is over, for its failures
 *        to be forgotten
 * @param invitationValidity how long an invitation link works
 * @param resetValidity how long a password reset link works
 * @param resetRequests "forgot password" requests one client may make per {@code resetWindow}
 * @param resetWindow the window of {@code resetRequests}
 */
@ConfigurationProperties("charter.identity")
public record IdentitySettings(String adminEmail, String adminPassword, @DefaultValue("true") boolean oidcAutoCreate,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("20") int maxFailuresPerSource,
		@DefaultValue("1s") Duration loginDelay, @DefaultValue("15m") Duration maxLoginDelay,
		@DefaultValue("10m") Duration sourceWindow, @DefaultValue("7d") Duration invitationValidity,
		@DefaultValue("1h") Duration resetValidity, @DefaultValue("5") int resetRequests,
		@DefaultValue("1h") Duration resetWindow) {

	/** "Forgot password" requests of one client. */
	public Allowance.Rate resetRate() {
		return new Allowance.Rate(resetRequests, resetWindow);
	}

	/** Waits of one client at one account. */
	public Backoff.Policy perAccount() {
		return new Backoff.Policy(maxFailedLogins, loginDelay, maxLoginDelay, sourceWindow);
	}

	/** Waits of one client, whatever the accounts it tries. */
	public Backoff.Policy perClient() {
		return new Backoff.Policy(maxFailuresPerSource, loginDelay, maxLoginDelay, sourceWindow);
	}
}
