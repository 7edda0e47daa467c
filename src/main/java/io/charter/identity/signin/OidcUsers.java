package io.charter.identity.signin;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import io.charter.identity.IdentityManagement;
import io.charter.identity.UserAccount;

/**
 * Matches an OIDC sign-in to a Charter user by e-mail, creating an EMPLOYEE when allowed. The
 * identity provider proves who the person is; Charter decides what they may do.
 */
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();
	private final IdentityManagement identity;

	OidcUsers(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser oidc = delegate.loadUser(request);
		String email = oidc.getEmail();
		if (email == null || email.isBlank() || !email.contains("@")) {
			throw refused("The identity provider sent no e-mail address.");
		}
		if (Boolean.FALSE.equals(oidc.getEmailVerified())) {
			throw refused("The identity provider has not verified this e-mail address.");
		}
		UserAccount user = identity.signInWithOidc(email, oidc.getFullName())
				.orElseThrow(() -> refused("No active Charter account for this e-mail address."));
		return new OidcSignedInUser(user.id(), user.displayName(), user.credentialStamp(), SignedInUser.authorities(user),
				oidc.getIdToken(), oidc.getUserInfo());
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
	}
}
