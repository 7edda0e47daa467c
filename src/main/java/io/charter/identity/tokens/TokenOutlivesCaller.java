package io.charter.identity.tokens;

import java.time.Instant;

import io.charter.identity.InvalidUserChange;

/** An API token asked another token to outlive it. */
class TokenOutlivesCaller extends InvalidUserChange {

	TokenOutlivesCaller(Instant callerExpiresAt) {
		super("tokens.error.outlives", java.util.Date.from(callerExpiresAt));
	}
}
