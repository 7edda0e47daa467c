package io.charter.rights;

import java.time.LocalDate;

/** Art. 12(3): an extension must be decided, and the requester told, within the first month. */
public class ExtensionTooLate extends StepNotAllowed {

	ExtensionTooLate(LocalDate firstDue) {
		super("An extension must be decided and sent to the requester by " + firstDue
				+ ", the end of the first month.");
	}
}
