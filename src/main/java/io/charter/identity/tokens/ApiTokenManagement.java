package io.charter.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.identity.ApiToken;
import io.charter.identity.IdentityEvent;
import io.charter.identity.InvalidUserChange;
import io.charter.identity.Roles;
import io.charter.identity.UserAccount;
import io.charter.identity.UserNotFound;
import io.charter.identity.Users;
import io.charter.identity.web.IssuedToken;
import io.charter.platform.Secrets;
import io.charter.shared.Actors;
import io.charter.shared.Role;

/**
 * API tokens: issued with roles no wider than the caller's, stored hashed, revocable. Also the
 * introspector that turns {@code Authorization: Bearer <token>} into a caller.
 */
@Service
public class ApiTokenManagement implements OpaqueTokenIntrospector {

	static final String PREFIX = "chr_";
	static final Duration MAX_LIFETIME = Duration.ofDays(366);

	private final ApiTokens tokens;
	private final Users users;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApiTokenManagement(ApiTokens tokens, Users users, ApplicationEventPublisher events, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Issues a token to a user acting with all the roles of their account, as when signed in with a
	 * password (not through another token).
	 */
	@Transactional
	public IssuedToken issue(UUID userId, String name, Set<Role> roles, Instant expiresAt) {
		return issue(Caller.owner(userId), name, roles, expiresAt);
	}

	/**
	 * Issues a token to the caller. It holds no role the caller lacks now (neither the calling
	 * token's nor its owner's current roles) and, asked for by a token, does not outlive that token.
	 *
	 * @throws TokenRolesTooWide when a role is missing
	 * @throws TokenOutlivesCaller when the calling token expires first
	 */
	@Transactional
	IssuedToken issue(Caller caller, String name, Set<Role> roles, Instant expiresAt) {
		UUID userId = caller.userId();
		UserAccount owner = users.findById(userId).filter(UserAccount::active).orElseThrow(() -> new UserNotFound(userId));
		Instant now = clock.instant();
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidUserChange("tokens.error.name");
		}
		if (roles == null || roles.isEmpty()) {
			throw new InvalidUserChange("tokens.error.roles");
		}
		EnumSet<Role> extra = EnumSet.copyOf(roles);
		extra.removeIf(role -> owner.roles().contains(role) && caller.holds(role));
		if (!extra.isEmpty()) {
			throw new TokenRolesTooWide(extra);
		}
		if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
			throw new InvalidUserChange("tokens.error.expiry");
		}
		if (caller.viaToken() && expiresAt.isAfter(caller.notAfter())) {
			throw new TokenOutlivesCaller(caller.notAfter());
		}
		String secret = Secrets.generate(PREFIX);
		ApiToken token = new ApiToken(UUID.randomUUID(), userId, name.strip(), secret.substring(0, PREFIX.length() + 6),
				EnumSet.copyOf(roles), now, expiresAt, null, null);
		tokens.insert(token, Secrets.hash(secret));
		events.publishEvent(new IdentityEvent.TokenIssued(token.id(), userId,
				"token '" + token.name() + "' for user:" + userId + ", roles " + Roles.format(roles) + ", expires "
						+ expiresAt, Actors.current(), now));
		return new IssuedToken(token, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokensOf(UUID userId) {
		return tokens.findByUser(userId);
	}

	@Transactional(readOnly = true)
	public List<ApiToken> allTokens() {
		return tokens.findAll();
	}

	/**
	 * Revokes a token; only its owner or an administrator may. A token of the owner that is not an
	 * administrator's may revoke only tokens that hold no role it lacks: a leaked lesser token cannot
	 * take its owner's wider tokens away.
	 */
	@Transactional
	void revoke(UUID tokenId, Caller caller) {
		ApiToken token = visibleToken(tokenId, caller);
		boolean admin = caller.holds(Role.ADMIN);
		if (!admin && caller.viaToken() && !caller.roles().containsAll(token.roles())) {
			EnumSet<Role> extra = EnumSet.copyOf(token.roles());
			extra.removeAll(caller.roles());
			throw new TokenRolesTooWide(extra);
		}
		if (token.revokedAt() != null) {
			return;
		}
		Instant now = clock.instant();
		tokens.revoke(tokenId, now);
		events.publishEvent(new IdentityEvent.TokenRevoked(tokenId, "token '" + token.name() + "' revoked", Actors.current(), now));
	}

	/** A token its owner or an administrator may see; to anyone else it does not exist. */
	@Transactional(readOnly = true)
	ApiToken visibleToken(UUID tokenId, Caller caller) {
		ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new TokenNotFound(tokenId));
		if (!caller.holds(Role.ADMIN) && !token.userId().equals(caller.userId())) {
			throw new TokenNotFound(tokenId);
		}
		return token;
	}

	@Override
	@Transactional
	public OAuth2AuthenticatedPrincipal introspect(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			throw new BadOpaqueTokenException("Unknown token");
		}
		Instant now = clock.instant();
		ApiToken token = tokens.findByHash(Secrets.hash(secret)).filter(t -> t.usableAt(now))
				.orElseThrow(() -> new BadOpaqueTokenException("Unknown, expired or revoked token"));
		UserAccount owner = users.findById(token.userId()).filter(UserAccount::active)
				.orElseThrow(() -> new BadOpaqueTokenException("Token owner is not active"));
		// A token never grants more than its owner holds now, even after the owner lost a role.
		Set<GrantedAuthority> authorities = token.roles().stream().filter(owner.roles()::contains)
				.map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusSeconds(60))) {
			tokens.markUsed(token.id(), now);
		}
		return new TokenPrincipal(token.id(), owner.id(), owner.displayName(), authorities, token.expiresAt());
	}
}
