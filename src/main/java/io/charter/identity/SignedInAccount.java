package io.charter.identity;

import java.util.UUID;

/** A person signed in to a session (with a password or through OIDC), as opposed to an API token. */
public interface SignedInAccount {

	UUID id();

	/** The account's {@link UserAccount#credentialStamp()} when this session signed in, or when it last changed the password. */
	String credentialStamp();

	/** The same sign-in, now under a new stamp: the session that changed the password stays. */
	SignedInAccount withCredentialStamp(String stamp);
}
