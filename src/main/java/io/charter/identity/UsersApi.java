package io.charter.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.charter.platform.RefusalProblems;
import io.charter.shared.Role;

/**
 * {@code /api/v1/users}: the accounts, and offboarding (ADMIN changes, AUDITOR reads). A deactivated
 * user's sessions end at their next request and their API tokens stop working at once; the last
 * active administrator cannot be deactivated ({@code 409}).
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UsersApi {

	record UserView(UUID id, String email, String displayName, Set<Role> roles, String language, boolean active,
			boolean passwordSet, boolean restricted, boolean erased, Instant createdAt, Instant lastLoginAt) {

		static UserView of(UserSummary u) {
			return new UserView(u.id(), u.email(), u.displayName(), u.roles(), u.language(), u.active(),
					u.passwordSet(), u.restricted(), u.erased(), u.createdAt(), u.lastLoginAt());
		}
	}

	private final IdentityManagement identity;

	private final RefusalProblems refusals;

	UsersApi(IdentityManagement identity, RefusalProblems refusals) {
		this.identity = identity;
		this.refusals = refusals;
	}

	@GetMapping
	@Operation(summary = "Every account, deactivated and erased ones included")
	List<UserView> list() {
		return identity.users().stream().map(UserView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account")
	UserView one(@PathVariable UUID id) {
		return UserView.of(identity.user(id).orElseThrow(() -> new UserNotFound(id)));
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an account (a leaver): its sessions end, its API tokens stop working; 409 for the last active administrator")
	UserView deactivate(@PathVariable UUID id) {
		identity.setActive(id, false);
		return one(id);
	}

	@PostMapping("/{id}/activate")
	@Operation(summary = "Reactivate an account; on an account restricted on request this lifts the restriction")
	UserView activate(@PathVariable UUID id) {
		identity.setActive(id, true);
		return one(id);
	}

	/** The request is well formed; the state of the accounts refuses it. */
	@ExceptionHandler(InvalidUserChange.class)
	ProblemDetail refused(InvalidUserChange e) {
		return refusals.of(HttpStatus.CONFLICT, e);
	}
}
