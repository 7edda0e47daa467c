package io.charter.identity;

import java.net.URI;
import java.time.Clock;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tokens}: issue, list and revoke API tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens")
class TokensApi {

	/**
	 * @param expiresAt when the token stops working; or give expiresInDays (default 90, at most 366)
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

	private final ApiTokenManagement tokens;
	private final Clock clock;

	TokensApi(ApiTokenManagement tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@PostMapping
	@Operation(summary = "Issue a token with roles no wider than yours; the secret is returned once")
	ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken request, Authentication auth) {
		Instant expiresAt = request.expiresAt() != null ? request.expiresAt()
				: clock.instant().plus(java.time.Duration.ofDays(request.expiresInDays() == null ? 90 : request.expiresInDays()));
		IssuedToken issued = tokens.issue(CurrentUser.id(auth), request.name(), request.roles(), expiresAt);
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
		tokens.revoke(id, CurrentUser.id(auth), CurrentUser.isAdmin(auth));
	}
}
