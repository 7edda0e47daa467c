package io.charter.identity.signin;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import io.charter.identity.Users;

/** Loads a user for password sign-in; deactivated accounts are refused by Spring Security. */
@Component
class AccountDetails implements UserDetailsService {

	private final Users users;

	AccountDetails(Users users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmail(email).map(SignedInUser::new)
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}
}
