package io.charter.identity.signin;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import io.charter.identity.SignedInAccount;
import io.charter.shared.ActorIdentity;

/** A user signed in through the organisation's identity provider, with Charter's roles. */
final class OidcSignedInUser extends DefaultOidcUser implements ActorIdentity, SignedInAccount {

	private final UUID id;
	private final String displayName;
	private final String credentialStamp;

	OidcSignedInUser(UUID id, String displayName, String credentialStamp,
			Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(authorities, idToken, userInfo);
		this.id = id;
		this.displayName = displayName;
		this.credentialStamp = credentialStamp;
	}

	@Override
	public UUID id() {
		return id;
	}

	@Override
	public String credentialStamp() {
		return credentialStamp;
	}

	@Override
	public OidcSignedInUser withCredentialStamp(String stamp) {
		return new OidcSignedInUser(id, displayName, stamp, getAuthorities(), getIdToken(), getUserInfo());
	}

	@Override
	public String actorId() {
		return "user:" + id;
	}

	@Override
	public String displayName() {
		return displayName;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof OidcSignedInUser other && other.id.equals(id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}
}
