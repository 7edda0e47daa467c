package io.charter.people;

import java.util.UUID;

import io.charter.shared.NotFound;

/** No person with this id in the directory. */
public class PersonNotFound extends NotFound {

	public PersonNotFound(UUID id) {
		super("No person " + id);
	}
}
