package io.charter.identity;

import java.util.UUID;

/** No user with that id. */
public class UserNotFound extends io.charter.shared.NotFound {

	public UserNotFound(UUID id) {
		super("No user " + id);
	}
}
