package io.charter.identity.tokens;

import java.util.UUID;

/** No token with that id visible to the caller. */
public class TokenNotFound extends io.charter.shared.NotFound {

	public TokenNotFound(UUID id) {
		super("No token " + id);
	}
}
