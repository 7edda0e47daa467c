package io.charter.identity.tokens;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import io.charter.shared.ActorIdentity;

/** The caller behind an API token: the token's roles, capped by its owner's current roles. */
public final class TokenPrincipal implements OAuth2AuthenticatedPrincipal, ActorIdentity {

	private final UUID tokenId;
	private final UUID userId;
	private final String displayName;
	private final Collection<GrantedAuthority> authorities;
	private final Instant expiresAt;

	TokenPrincipal(UUID tokenId, UUID userId, String displayName, Collection<GrantedAuthority> authorities,
			Instant expiresAt) {
		this.tokenId = tokenId;
		this.userId = userId;
		this.displayName = displayName;
		this.authorities = authorities;
		this.expiresAt = expiresAt;
	}

	public UUID userId() {
		return userId;
	}

	/** When the token stops working: nothing it creates may outlive it. */
	Instant expiresAt() {
		return expiresAt;
	}

	@Override
	public String actorId() {
		return "user:" + userId + "/token:" + tokenId;
	}

	@Override
	public String displayName() {
		return displayName;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("token_id", tokenId.toString(), "user_id", userId.toString());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public String getName() {
		return actorId();
	}
}
