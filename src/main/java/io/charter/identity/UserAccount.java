package io.charter.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.charter.platform.Secrets;
import io.charter.shared.Role;

/**
 * The user aggregate: guards its own state changes. Public for identity's sign-in (read only, through
 * its accessors); other modules see a {@link UserSummary}.
 */
public final class UserAccount {

	final UUID id;
	String email;
	String displayName;
	String passwordHash;
	Set<Role> roles;
	String language;
	boolean active;
	int failedLogins;
	final Instant createdAt;
	Instant lastLoginAt;
	Instant restrictedAt;
	Instant erasedAt;

	UserAccount(UUID id, String email, String displayName, String passwordHash, Set<Role> roles, String language,
			boolean active, int failedLogins, Instant createdAt, Instant lastLoginAt,
			Instant restrictedAt, Instant erasedAt) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.language = language;
		this.active = active;
		this.failedLogins = failedLogins;
		this.createdAt = createdAt;
		this.lastLoginAt = lastLoginAt;
		this.restrictedAt = restrictedAt;
		this.erasedAt = erasedAt;
	}

	static UserAccount create(String email, String displayName, Set<Role> roles, String language, Instant now) {
		if (roles.isEmpty()) {
			throw new InvalidUserChange("users.needs-role");
		}
		return new UserAccount(UUID.randomUUID(), normalise(email), displayName.strip(), null, roles, language, true, 0,
				now, null, null, null);
	}

	public UUID id() {
		return id;
	}

	public String email() {
		return email;
	}

	public String displayName() {
		return displayName;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	public String language() {
		return language;
	}

	public boolean active() {
		return active;
	}

	public static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Counts a failed sign-in; true when the failures in a row just reached {@code notable} (once
	 * per run of failures). The account stays usable: sign-in slows down the client that fails, never
	 * the account for everyone (docs/security.md).
	 */
	boolean recordFailedLogin(int notable) {
		failedLogins++;
		return failedLogins == notable;
	}

	/**
	 * Whether a password reset may be sent: an active account that signs in with a password. An
	 * account that only signs in through the identity provider has its password kept there.
	 */
	boolean resettable() {
		return active && passwordHash != null && erasedAt == null;
	}

	void recordLogin(Instant now) {
		failedLogins = 0;
		lastLoginAt = now;
	}

	void changeRoles(Set<Role> newRoles) {
		if (newRoles.isEmpty()) {
			throw new InvalidUserChange("users.needs-role");
		}
		roles = EnumSet.copyOf(newRoles);
	}

	/**
	 * Restriction on a data-subject request (GDPR art. 18): the data stay as they are, but the
	 * account is no longer used: no sign-in, no API token, no mail to it.
	 */
	void restrict(Instant now) {
		active = false;
		restrictedAt = now;
	}

	/** Reactivation; on a restricted account it lifts the restriction. An erased account stays erased. */
	void reactivate() {
		if (erasedAt != null) {
			throw new InvalidUserChange("users.erased-stays");
		}
		active = true;
		restrictedAt = null;
	}

	/**
	 * Erasure on a data-subject request (GDPR art. 17): nothing is left that names the person. The id
	 * stays: it is the pseudonym under which the audit trail records what the account did. The
	 * address is in the reserved {@code .invalid} domain, so it can neither receive mail nor match a
	 * sign-in.
	 */
	void anonymise(Instant now) {
		email = "erased-" + id + "@erased.invalid";
		displayName = "Erased user " + id.toString().substring(0, 8);
		passwordHash = null;
		language = null;
		active = false;
		failedLogins = 0;
		lastLoginAt = null;
		restrictedAt = null;
		erasedAt = now;
	}

	/**
	 * Changes whenever the password is set, changed or removed (each bcrypt hash has its own salt,
	 * even for the same password). A session keeps the stamp it signed in under and ends when it
	 * no longer matches ({@link io.charter.identity.signin.SessionRefresh}); a digest, so a session never holds the hash.
	 */
	public String credentialStamp() {
		return passwordHash == null ? "" : Secrets.hash(passwordHash);
	}

	UserSummary summary() {
		return new UserSummary(id, email, displayName, Set.copyOf(roles), language, active,
				passwordHash != null, createdAt, lastLoginAt, restrictedAt != null, erasedAt != null);
	}
}
