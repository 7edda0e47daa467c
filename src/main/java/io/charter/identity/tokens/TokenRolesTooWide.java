package io.charter.identity.tokens;

import java.util.Set;

import io.charter.identity.InvalidUserChange;
import io.charter.identity.Roles;
import io.charter.shared.Role;

/** A token was asked for (or acted on) with roles the caller does not hold: a 403 in the API. */
public class TokenRolesTooWide extends InvalidUserChange {

	public TokenRolesTooWide(Set<Role> extra) {
		super("tokens.error.roles-too-wide", Roles.format(extra));
	}
}
