package io.charter.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.identity.IdentityEvent.FailedSignIns;
import io.charter.identity.IdentityEvent.InvitationRenewed;
import io.charter.identity.IdentityEvent.LanguageChanged;
import io.charter.identity.IdentityEvent.PasswordChanged;
import io.charter.identity.IdentityEvent.PasswordResetSent;
import io.charter.identity.IdentityEvent.PasswordSet;
import io.charter.identity.IdentityEvent.TokenRevoked;
import io.charter.identity.IdentityEvent.UserCreated;
import io.charter.identity.IdentityEvent.UserDeactivated;
import io.charter.identity.IdentityEvent.UserErased;
import io.charter.identity.IdentityEvent.UserInvited;
import io.charter.identity.IdentityEvent.UserReactivated;
import io.charter.identity.IdentityEvent.UserRestricted;
import io.charter.identity.IdentityEvent.UserRolesChanged;
import io.charter.identity.IdentityEvent.UserSignedIn;
import io.charter.identity.tokens.ApiTokens;
import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.notify.OneTimeLink;
import io.charter.people.Directory;
import io.charter.people.PersonSummary;
import io.charter.platform.BaseUrl;
import io.charter.platform.OneTimeLinks;
import io.charter.platform.Secrets;
import io.charter.shared.Actors;
import io.charter.shared.NotFound;
import io.charter.shared.Role;

/** Users and their life cycle: first administrator, invitations, roles, deactivation, sign-in bookkeeping. */
@Service
public class IdentityManagement {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");
	private static final Logger LEAVERS = LoggerFactory.getLogger(IdentityManagement.class);

	private final Users users;
	private final OneTimeLinks links;
	private final SetupLinks setupLinks;
	private final ApiTokens tokens;
	private final PasswordEncoder passwords;
	private final ApplicationEventPublisher events;
	private final Notifications notifications;
	private final IdentitySettings settings;
	private final Clock clock;
	private final BaseUrl baseUrl;
	private final Directory directory;

	IdentityManagement(Users users, OneTimeLinks links, SetupLinks setupLinks, ApiTokens tokens, PasswordEncoder passwords,
			ApplicationEventPublisher events, Notifications notifications, IdentitySettings settings, Clock clock,
			BaseUrl baseUrl, Directory directory) {
		this.users = users;
		this.links = links;
		this.setupLinks = setupLinks;
		this.tokens = tokens;
		this.passwords = passwords;
		this.events = events;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.directory = directory;
	}

	@Transactional(readOnly = true)
	public boolean hasAdministrator() {
		return users.countActiveAdmins() > 0;
	}

	@Transactional(readOnly = true)
	public List<UserSummary> users() {
		return users.findAll().stream().map(UserAccount::summary).toList();
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> user(UUID id) {
		return users.findById(id).map(UserAccount::summary);
	}

	/** Active users holding a role, e.g. everyone to alert about an overdue request. */
	@Transactional(readOnly = true)
	public List<UserSummary> usersWithRole(Role role) {
		return users().stream().filter(u -> u.active() && u.hasRole(role)).toList();
	}

	/**
	 * Creates the first administrator; refused once any active administrator exists, or when the
	 * password breaks the {@linkplain PasswordRules password rules}.
	 */
	@Transactional
	public UserSummary createFirstAdmin(String email, String displayName, String password) {
		PasswordRules.check(password, email);
		return insertFirstAdmin(email, displayName, passwords.encode(password));
	}

	/**
	 * Creates the first administrator through the one-time setup link. The link is claimed in this
	 * transaction: of simultaneous uses exactly one goes on, and a refusal below gives it back.
	 *
	 * @throws NotFound when the link is unknown, replaced or already used
	 */
	@Transactional
	UserSummary setUpFirstAdmin(String setupSecret, String email, String displayName, String password) {
		PasswordRules.check(password, email);
		// Hashed before the claim: the claimed row stays locked until commit, and bcrypt is slow.
		String passwordHash = passwords.encode(password);
		if (setupSecret == null || !setupLinks.consume(Secrets.hash(setupSecret), clock.instant())) {
			throw new NotFound("No setup in progress");
		}
		return insertFirstAdmin(email, displayName, passwordHash);
	}

	/** A new one-time setup link, while no administrator exists; the one printed before stops working. */
	@Transactional
	void openSetup(String setupSecret) {
		setupLinks.replace(Secrets.hash(setupSecret), clock.instant());
	}

	/** Whether a setup link still creates the first administrator. */
	@Transactional(readOnly = true)
	boolean setupUsable(String setupSecret) {
		return setupSecret != null && setupLinks.usable(Secrets.hash(setupSecret)) && !hasAdministrator();
	}

	private UserSummary insertFirstAdmin(String email, String displayName, String passwordHash) {
		if (hasAdministrator()) {
			throw new InvalidUserChange("setup.admin-exists");
		}
		if (users.findByEmail(email).isPresent()) {
			throw new InvalidUserChange("users.exists");
		}
		UserAccount admin = UserAccount.create(email, displayName, EnumSet.of(Role.ADMIN), null, clock.instant());
		admin.passwordHash = passwordHash;
		users.insert(admin);
		events.publishEvent(new UserCreated(admin.id, "first administrator, roles ADMIN", Actors.SYSTEM, clock.instant()));
		return admin.summary();
	}

	/**
	 * Creates a user without a password and e-mails a one-time link to choose one. The link is
	 * returned for the administrator to hand over when no SMTP is configured; nothing keeps it
	 * where others could read it.
	 */
	@Transactional
	public IssuedInvitation invite(String email, String displayName, Set<Role> roles, String language) {
		if (users.findByEmail(email).isPresent()) {
			throw new InvalidUserChange("users.exists");
		}
		String lang = LANGUAGES.contains(language) ? language : "en";
		Instant now = clock.instant();
		UserAccount user = UserAccount.create(email, displayName, roles, lang, now);
		users.insert(user);
		String link = sendInvitation(user);
		events.publishEvent(new UserInvited(user.id, "roles " + Roles.format(roles), Actors.current(), now));
		return new IssuedInvitation(user.summary(), link, !notifications.smtpConfigured());
	}

	/**
	 * A new invitation link for a user who has not chosen a password yet (the first was lost or
	 * expired); the earlier links stop working.
	 */
	@Transactional
	public IssuedInvitation renewInvitation(UUID userId) {
		UserAccount user = find(userId);
		// Only invited users: an account made at an OIDC sign-in has no password and needs none.
		if (user.passwordHash != null || user.erasedAt != null || !links.issued(UserLinkStates.INVITE, user.id)) {
			throw new InvalidUserChange("users.no-invitation");
		}
		Instant now = clock.instant();
		links.expireUnused(UserLinkStates.INVITE, user.id);
		String link = sendInvitation(user);
		events.publishEvent(new InvitationRenewed(user.id, "new invitation link, earlier ones expired", Actors.current(),
				now));
		return new IssuedInvitation(user.summary(), link, !notifications.smtpConfigured());
	}

	private String sendInvitation(UserAccount user) {
		return sendLink(user, UserLinkStates.INVITE, settings.invitationValidity(), "/invitation/", "invitation",
				"days", String.valueOf(settings.invitationValidity().toDays()));
	}

	/** Issues a one-time link for the user and e-mails it in the user's language; the link's address. */
	private String sendLink(UserAccount user, OneTimeLinks.Purpose purpose, Duration lifetime, String path,
			String template, String validityName, String validity) {
		String secret = links.issue(purpose, user.id, lifetime);
		String lang = user.language == null ? "en" : user.language;
		// The page opens in the language the message was written in.
		OneTimeLink link = new OneTimeLink(baseUrl.to(path + secret + "?lang=" + lang), secret);
		notifications.send(new Mail(user.email, template, lang, Map.of("name", user.displayName, validityName, validity),
				Map.of("link", link)));
		return link.url();
	}

	/**
	 * "Forgot password": e-mails a reset link to the active account of this address that signs in
	 * with a password. Nothing tells the caller whether there is one: an unknown address, an account
	 * that is deactivated, only invited, or signs in through the identity provider gets no message
	 * and the same (empty) answer.
	 */
	@Transactional
	public void requestPasswordReset(String email) {
		if (email == null || email.isBlank() || email.length() > 320) {
			return;
		}
		users.findByEmail(email).filter(UserAccount::resettable)
				.ifPresent(user -> issueReset(user, "asked for by the user (forgot password)", "user:" + user.id));
	}

	/**
	 * An administrator sends a user a reset link (handed over once when no SMTP is configured, as an
	 * invitation is). Refused for an account without a password (invited, or signing in through the
	 * identity provider, where the password is kept) and for an inactive one.
	 */
	@Transactional
	public IssuedInvitation sendPasswordReset(UUID userId) {
		UserAccount user = find(userId);
		if (!user.resettable()) {
			throw new InvalidUserChange("users.reset-refused");
		}
		String link = issueReset(user, "sent by an administrator", Actors.current());
		return new IssuedInvitation(user.summary(), link, !notifications.smtpConfigured());
	}

	private String issueReset(UserAccount user, String why, String actor) {
		links.expireUnused(UserLinkStates.RESET, user.id);
		String link = sendLink(user, UserLinkStates.RESET, settings.resetValidity(), "/password/reset/", "password-reset",
				"minutes", String.valueOf(Math.max(1, settings.resetValidity().toMinutes())));
		events.publishEvent(new PasswordResetSent(user.id, "password reset link " + why + ", earlier ones expired", actor,
				clock.instant()));
		return link;
	}

	/**
	 * Sets a new password through a reset link, within the {@linkplain PasswordRules password
	 * rules}; the link works once, and the user's sessions end at their next request.
	 */
	@Transactional
	public UserSummary resetPassword(String secret, String password) {
		UserSummary user = setPasswordThroughLink(UserLinkStates.RESET, secret, password,
				"password reset through a one-time link");
		links.useUpUnused(UserLinkStates.RESET, user.id());
		return user;
	}

	/** The account a usable reset link opens, for its page to name it. */
	@Transactional(readOnly = true)
	public Optional<UserSummary> resetAccount(String secret) {
		return linkedAccount(UserLinkStates.RESET, secret);
	}

	/** The account a usable invitation link opens, for its page to name it. */
	@Transactional(readOnly = true)
	public Optional<UserSummary> invitedAccount(String secret) {
		return linkedAccount(UserLinkStates.INVITE, secret);
	}

	private Optional<UserSummary> linkedAccount(OneTimeLinks.Purpose purpose, String secret) {
		return usableLink(purpose, secret).map(UserAccount::summary);
	}

	/** The account of a usable link; a reset link stops working once its account was deactivated. */
	private Optional<UserAccount> usableLink(OneTimeLinks.Purpose purpose, String secret) {
		return links.usableSubject(purpose, secret).flatMap(users::findById)
				.filter(user -> !purpose.equals(UserLinkStates.RESET) || user.resettable());
	}

	/**
	 * Sets the password of an invited user (or after a reset) through a one-time link, within the
	 * {@linkplain PasswordRules password rules}. Of simultaneous uses of one link, exactly one sets the
	 * password. The user's sessions signed in under the former password end at their next request
	 * ({@link io.charter.identity.signin.SessionRefresh}).
	 */
	@Transactional
	public UserSummary acceptInvitation(String secret, String password) {
		return setPasswordThroughLink(UserLinkStates.INVITE, secret, password, "password set through a one-time link");
	}

	private UserSummary setPasswordThroughLink(OneTimeLinks.Purpose purpose, String secret, String password,
			String summary) {
		Instant now = clock.instant();
		UserAccount user = usableLink(purpose, secret)
				.orElseThrow(() -> new InvalidUserChange("invitation.invalid"));
		// Checked before the link is used up, so that a refused password leaves it usable.
		PasswordRules.check(password, user.email);
		// Hashed before the claim: the claimed row stays locked until commit, and bcrypt is slow.
		String passwordHash = passwords.encode(password);
		if (!links.consume(purpose, secret)) {
			throw new InvalidUserChange("invitation.invalid");
		}
		user.passwordHash = passwordHash;
		users.update(user);
		events.publishEvent(new PasswordSet(user.id, summary, "user:" + user.id, now));
		return user.summary();
	}

	@Transactional(readOnly = true)
	public boolean invitationUsable(String secret) {
		return links.usableSubject(UserLinkStates.INVITE, secret).isPresent();
	}

	@Transactional
	public void changeRoles(UUID userId, Set<Role> roles) {
		UserAccount user = find(userId);
		Set<Role> before = EnumSet.copyOf(user.roles.isEmpty() ? EnumSet.noneOf(Role.class) : user.roles);
		boolean losesAdmin = before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN);
		if (losesAdmin && user.active && users.countActiveAdmins() <= 1) {
			throw new LastAdministrator();
		}
		user.changeRoles(roles);
		users.update(user);
		events.publishEvent(new UserRolesChanged(user.id,
				"roles " + Roles.format(before) + " -> " + Roles.format(roles), Actors.current(), clock.instant()));
	}

	@Transactional
	public void setActive(UUID userId, boolean active) {
		UserAccount user = find(userId);
		if (user.active == active) {
			return;
		}
		boolean restricted = user.restrictedAt != null;
		if (active) {
			user.reactivate();
		}
		else {
			requireAnotherAdministrator(user);
			user.active = false;
		}
		users.update(user);
		Instant now = clock.instant();
		events.publishEvent(active
				? new UserReactivated(user.id, restricted ? "account reactivated, restriction lifted" : "account reactivated",
						Actors.current(), now)
				: new UserDeactivated(user.id, "account deactivated", Actors.current(), now));
	}

	/** The account of an address with its API tokens, for a data-subject request; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<AccountData> accountData(String email) {
		return users.findByEmail(email).map(u -> new AccountData(u.summary(), u.failedLogins, tokens.findByUser(u.id)));
	}

	/**
	 * Restricts processing of an account's data on a data-subject request (GDPR art. 18): the
	 * account is deactivated and marked restricted, its data stay. Reactivating it lifts the
	 * restriction. False when it was already restricted or erased.
	 *
	 * @throws LastAdministrator when it is the last active administrator
	 */
	@Transactional
	public boolean restrictAccount(UUID userId, UUID requestId) {
		UserAccount user = find(userId);
		if (user.restrictedAt != null || user.erasedAt != null) {
			return false;
		}
		requireAnotherAdministrator(user);
		Instant now = clock.instant();
		user.restrict(now);
		users.update(user);
		events.publishEvent(new UserRestricted(user.id,
				"account deactivated, processing restricted: data-subject request " + requestId, Actors.current(), now));
		return true;
	}

	/**
	 * Erases an account on a data-subject request (GDPR art. 17): anonymised (address and name
	 * replaced by a pseudonym, password, language and sign-in times removed) and deactivated, its API
	 * tokens and one-time links deleted. The account's id stays as the audit trail's pseudonym.
	 * Returns how many records were anonymised or deleted; 0 when it already was erased.
	 *
	 * @throws LastAdministrator when it is the last active administrator
	 */
	@Transactional
	public int eraseAccount(UUID userId, UUID requestId) {
		UserAccount user = find(userId);
		if (user.erasedAt != null) {
			return 0;
		}
		requireAnotherAdministrator(user);
		Instant now = clock.instant();
		user.anonymise(now);
		users.update(user);
		int deletedTokens = tokens.deleteByUser(user.id);
		links.delete(UserLinkStates.INVITE, user.id);
		links.delete(UserLinkStates.RESET, user.id);
		events.publishEvent(new UserErased(user.id, "account anonymised and deactivated, "
				+ deletedTokens + " API token(s) deleted: data-subject request " + requestId, Actors.current(), now));
		return 1 + deletedTokens;
	}

	private void requireAnotherAdministrator(UserAccount user) {
		if (user.active && user.roles.contains(Role.ADMIN) && users.countActiveAdmins() <= 1) {
			throw new LastAdministrator();
		}
	}

	@Transactional
	public void setLanguage(UUID userId, String language) {
		if (!LANGUAGES.contains(language)) {
			throw new InvalidUserChange("profile.unsupported-language");
		}
		UserAccount user = find(userId);
		user.language = language;
		users.update(user);
		events.publishEvent(new LanguageChanged(user.id, "language " + language, Actors.current(), clock.instant()));
	}

	/**
	 * Changes a password, within the {@linkplain PasswordRules password rules}. The user's other
	 * sessions end at their next request ({@link io.charter.identity.signin.SessionRefresh}); API tokens stay.
	 */
	@Transactional
	public void changePassword(UUID userId, String current, String newPassword) {
		UserAccount user = find(userId);
		if (user.passwordHash == null || !passwords.matches(current, user.passwordHash)) {
			throw new InvalidUserChange("profile.wrong-current");
		}
		PasswordRules.check(newPassword, user.email);
		user.passwordHash = passwords.encode(newPassword);
		users.update(user);
		events.publishEvent(new PasswordChanged(user.id, "password changed", Actors.current(), clock.instant()));
	}

	/**
	 * Finds or, when allowed, creates the user behind a verified OIDC e-mail. Empty when refused.
	 * This and the other sign-in bookkeeping below are for identity's own sign-in ({@code identity.signin}).
	 */
	@Transactional
	public Optional<UserAccount> signInWithOidc(String email, String name) {
		Instant now = clock.instant();
		Optional<PersonSummary> person = directory.byEmail(email);
		if (person.isPresent() && !person.get().active()) {
			return Optional.empty();
		}
		Optional<UserAccount> existing = users.findByEmail(email);
		// A person of the directory may sign in even where accounts are not created at first sign-in.
		if (existing.isEmpty() && !settings.oidcAutoCreate() && person.isEmpty()) {
			return Optional.empty();
		}
		UserAccount user = existing.orElseGet(() -> {
			UserAccount created = UserAccount.create(email, name == null || name.isBlank() ? email : name,
					EnumSet.of(Role.EMPLOYEE), null, now);
			users.insert(created);
			events.publishEvent(new UserCreated(created.id, "created at first OIDC sign-in, roles EMPLOYEE",
					"user:" + created.id, now));
			return created;
		});
		if (!user.active) {
			return Optional.empty();
		}
		recordLogin(user, "oidc");
		return Optional.of(user);
	}

	/**
	 * Ends the account of a person who left the directory (identity listens to {@code PersonLeft}):
	 * deactivated, its API tokens revoked. The last active administrator stays (nobody could manage
	 * Charter any more); that is logged for the administrators to resolve.
	 */
	@Transactional
	public void endLeaverAccount(String email) {
		users.findByEmail(email).ifPresent(user -> {
			Instant now = clock.instant();
			for (ApiToken token : tokens.revokeAllOf(user.id, now)) {
				events.publishEvent(new TokenRevoked(token.id(), "token '" + token.name() + "' revoked: owner left",
						Actors.current(), now));
			}
			if (!user.active) {
				return;
			}
			if (user.roles.contains(Role.ADMIN) && users.countActiveAdmins() <= 1) {
				LEAVERS.warn("The last active administrator left the directory; the account {} stays active", user.id);
				return;
			}
			user.active = false;
			users.update(user);
			events.publishEvent(new UserDeactivated(user.id, "account deactivated: person left", Actors.current(), now));
		});
	}

	@Transactional
	public void recordLogin(UUID userId, String method) {
		users.findById(userId).ifPresent(u -> recordLogin(u, method));
	}

	private void recordLogin(UserAccount user, String method) {
		Instant now = clock.instant();
		grantEmployeeRole(user, now);
		user.recordLogin(now);
		users.update(user);
		events.publishEvent(new UserSignedIn(user.id, "signed in (" + method + ")", "user:" + user.id, now));
	}

	@Transactional
	public void recordFailedLogin(String email) {
		users.findByEmail(email).ifPresent(user -> {
			if (user.recordFailedLogin(settings.maxFailedLogins())) {
				events.publishEvent(new FailedSignIns(user.id,
						settings.maxFailedLogins() + " failed sign-ins in a row", Actors.ANONYMOUS, clock.instant()));
			}
			users.update(user);
		});
	}

	/** A signed-in person of the directory works here: they hold EMPLOYEE (their own compliance pages). */
	private void grantEmployeeRole(UserAccount user, Instant now) {
		if (user.roles.contains(Role.EMPLOYEE) || directory.byEmail(user.email).filter(PersonSummary::active).isEmpty()) {
			return;
		}
		Set<Role> before = EnumSet.copyOf(user.roles);
		Set<Role> after = EnumSet.copyOf(user.roles);
		after.add(Role.EMPLOYEE);
		user.changeRoles(after);
		events.publishEvent(new UserRolesChanged(user.id, "roles " + Roles.format(before) + " -> " + Roles.format(after)
				+ ": person of the directory", "user:" + user.id, now));
	}

	public Optional<UserAccount> account(UUID id) {
		return users.findById(id);
	}

	private UserAccount find(UUID id) {
		return users.findById(id).orElseThrow(() -> new UserNotFound(id));
	}
}
