package io.charter.identity.signin;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.charter.identity.SignedInAccount;
import io.charter.identity.UserAccount;
import io.charter.identity.Users;
import io.charter.shared.Role;

/**
 * Keeps a signed-in session in step with the account: a deactivated user is signed out at the next
 * request, so is every session of a user whose password was changed or reset since it signed in
 * (but the session that made the change, see {@link #keepSignedIn}), and changed roles apply
 * without signing in again. An account is read at most once per {@code staleness} per instance, so
 * several instances agree within that delay. API tokens are not sessions and are left alone.
 */
public class SessionRefresh extends OncePerRequestFilter {

	private record Account(boolean active, String credentialStamp, Set<String> authorities) {
	}

	private final Users users;
	private final Cache<UUID, Optional<Account>> accounts;

	SessionRefresh(Users users, Duration staleness) {
		this.users = users;
		this.accounts = Caffeine.newBuilder().expireAfterWrite(staleness).maximumSize(10_000).build();
	}

	/** Forgets what this instance knows of a user (see {@link AccountChanges}). */
	void forget(UUID userId) {
		accounts.invalidate(userId);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		SignedInAccount user = sessionUser(auth);
		if (user != null) {
			Optional<Account> account = accounts.get(user.id(), id -> users.findById(id).map(u -> new Account(u.active(),
					u.credentialStamp(), u.roles().stream().map(Role::authority).collect(Collectors.toSet()))));
			if (account.isEmpty() || !account.get().active()
					|| !account.get().credentialStamp().equals(user.credentialStamp())) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
			}
			else if (!names(auth.getAuthorities()).equals(account.get().authorities())) {
				replace(request, rebuilt(auth, auth.getPrincipal(), account.get().authorities()));
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * The session that changed its own password: it takes the account's new stamp, so that it stays
	 * signed in while the user's other sessions end, and gets a new id, as at sign-in.
	 */
	public static void keepSignedIn(HttpServletRequest request, UserAccount account) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		SignedInAccount user = sessionUser(auth);
		if (user == null || !user.id().equals(account.id())) {
			return;
		}
		replace(request, rebuilt(auth, user.withCredentialStamp(account.credentialStamp()), names(auth.getAuthorities())));
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
	}

	private static SignedInAccount sessionUser(Authentication auth) {
		if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof SignedInUser user) {
			return user;
		}
		if (auth instanceof OAuth2AuthenticationToken && auth.getPrincipal() instanceof OidcSignedInUser user) {
			return user;
		}
		return null;
	}

	private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
				.collect(Collectors.toSet());
	}

	private static Authentication rebuilt(Authentication auth, Object principal, Set<String> names) {
		List<GrantedAuthority> authorities = names.stream().map(n -> (GrantedAuthority) new SimpleGrantedAuthority(n))
				.toList();
		if (auth instanceof OAuth2AuthenticationToken oauth) {
			return new OAuth2AuthenticationToken((OAuth2User) principal, authorities,
					oauth.getAuthorizedClientRegistrationId());
		}
		UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken
				.authenticated(principal, null, authorities);
		refreshed.setDetails(auth.getDetails());
		return refreshed;
	}

	private static void replace(HttpServletRequest request, Authentication auth) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		}
	}
}
