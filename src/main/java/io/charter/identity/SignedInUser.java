package io.charter.identity;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.charter.shared.ActorIdentity;

/** A user signed in with a password. */
final class SignedInUser implements UserDetails, CredentialsContainer, ActorIdentity {

	private final UUID id;
	private final String email;
	private final String displayName;
	private String passwordHash;
	private final List<GrantedAuthority> authorities;
	private final boolean active;
	private final boolean locked;

	SignedInUser(UserAccount account, boolean locked) {
		this.id = account.id;
		this.email = account.email;
		this.displayName = account.displayName;
		this.passwordHash = account.passwordHash;
		this.authorities = authorities(account);
		this.active = account.active;
		this.locked = locked;
	}

	static List<GrantedAuthority> authorities(UserAccount account) {
		return account.roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
	}

	UUID id() {
		return id;
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
	public boolean isAccountNonLocked() {
		return !locked;
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
