package io.charter.identity.tokens;

import java.time.Instant;

import io.charter.identity.InvalidUserChange;

/** An API token asked another token to outlive it. */
class TokenOutlivesCaller extends InvalidUserChange {

	TokenOutlivesCaller(Instant callerExpiresAt) {
		super("A token cannot create a token that outlives it: expire it at " + callerExpiresAt + " at the latest.");
	}
}
