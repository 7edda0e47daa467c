package io.charter.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a user for password sign-in; locked and deactivated accounts are refused by Spring Security. */
@Component
class AccountDetails implements UserDetailsService {

	private final Users users;
	private final Clock clock;

	AccountDetails(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return users.findByEmail(email).map(u -> new SignedInUser(u, u.lockedAt(clock.instant())))
				.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}
}
