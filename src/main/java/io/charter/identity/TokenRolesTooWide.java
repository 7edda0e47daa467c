package io.charter.identity;

import java.util.Set;

/** A token was asked for with roles its owner does not hold. */
public class TokenRolesTooWide extends InvalidUserChange {

	public TokenRolesTooWide(Set<Role> extra) {
		super("A token cannot hold roles you do not have: " + Role.format(extra));
	}
}
