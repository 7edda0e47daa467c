package io.charter.identity.signin;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.charter.identity.SignedInAccount;
import io.charter.identity.UserAccount;
import io.charter.shared.ActorIdentity;

/** A user signed in with a password. */
final class SignedInUser implements UserDetails, CredentialsContainer, ActorIdentity, SignedInAccount {

	private final UUID id;
	private final String email;
	private final String displayName;
	private String passwordHash;
	private final List<GrantedAuthority> authorities;
	private final boolean active;
	private final String credentialStamp;

	SignedInUser(UserAccount account) {
		this(account.id(), account.email(), account.displayName(), account.passwordHash(), authorities(account), account.active(),
				account.credentialStamp());
	}

	private SignedInUser(UUID id, String email, String displayName, String passwordHash,
			List<GrantedAuthority> authorities, boolean active, String credentialStamp) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.authorities = authorities;
		this.active = active;
		this.credentialStamp = credentialStamp;
	}

	static List<GrantedAuthority> authorities(UserAccount account) {
		return account.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
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
	public SignedInUser withCredentialStamp(String stamp) {
		return new SignedInUser(id, email, displayName, null, authorities, active, stamp);
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
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return active && passwordHash != null;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return actorId();
	}
}
