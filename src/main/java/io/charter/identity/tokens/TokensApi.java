package io.charter.identity.tokens;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.charter.identity.ApiToken;
import io.charter.identity.CurrentUser;
import io.charter.identity.InvalidUserChange;
import io.charter.identity.web.IssuedToken;
import io.charter.platform.RefusalProblems;
import io.charter.shared.Role;

/** {@code /api/v1/tokens}: issue, list and revoke API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokensApi {

	/**
	 * @param expiresAt when the token stops working; or give expiresInDays (default 90, at most 366;
	 *        the default is shortened to the calling token's expiry when a token makes the call)
	 */
	record NewToken(@NotBlank @Size(max = 100) String name, @NotEmpty Set<Role> roles, Instant expiresAt,
			@Min(1) @Max(366) Integer expiresInDays) {
	}

	record TokenView(UUID id, UUID userId, String name, String prefix, Set<Role> roles, Instant createdAt,
			Instant expiresAt, Instant revokedAt, Instant lastUsedAt, String status) {
	}

	/** Answer to a creation: the secret appears here and nowhere else, ever. */
	record CreatedToken(UUID id, String name, Set<Role> roles, Instant expiresAt, String token) {
	}

	private static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

	private final ApiTokenManagement tokens;
	private final Clock clock;

	private final RefusalProblems refusals;

	TokensApi(ApiTokenManagement tokens, Clock clock, RefusalProblems refusals) {
		this.refusals = refusals;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Called with a token, the new token gets no role and no lifetime beyond the calling token's; when
	 * no expiry is asked for, the default (90 days) is shortened to the calling token's.
	 */
	@PostMapping
	@Operation(summary = "Issue a token with roles no wider and a life no longer than yours (or the calling token's); the secret is returned once")
	ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken request, Authentication auth) {
		Caller caller = Caller.of(auth);
		Instant expiresAt = request.expiresAt() != null ? request.expiresAt()
				: request.expiresInDays() != null ? clock.instant().plus(Duration.ofDays(request.expiresInDays()))
						: caller.capped(clock.instant().plus(DEFAULT_LIFETIME));
		IssuedToken issued = tokens.issue(caller, request.name(), request.roles(), expiresAt);
		ApiToken t = issued.token();
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id())).header("Cache-Control", "no-store")
				.body(new CreatedToken(t.id(), t.name(), t.roles(), t.expiresAt(), issued.secret()));
	}

	@GetMapping
	@Operation(summary = "Your tokens; administrators may ask for all=true")
	List<TokenView> list(Authentication auth, @RequestParam(defaultValue = "false") boolean all) {
		List<ApiToken> list = all && CurrentUser.isAdmin(auth) ? tokens.allTokens() : tokens.tokensOf(CurrentUser.id(auth));
		Instant now = clock.instant();
		return list.stream().map(t -> new TokenView(t.id(), t.userId(), t.name(), t.prefix(), t.roles(), t.createdAt(),
				t.expiresAt(), t.revokedAt(), t.lastUsedAt(), t.status(now))).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a token (yours, or any for administrators)")
	void revoke(@PathVariable UUID id, Authentication auth) {
		tokens.revoke(id, Caller.of(auth));
	}

	/** Asking for more than the caller holds is not a malformed request but a forbidden one. */
	@ExceptionHandler({ TokenRolesTooWide.class, TokenOutlivesCaller.class })
	ProblemDetail forbidden(InvalidUserChange e) {
		return refusals.of(HttpStatus.FORBIDDEN, e);
	}
}
