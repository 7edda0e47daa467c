package io.charter.rights;

import java.time.LocalDate;

/** Art. 12(3): an extension must be decided, and the requester told, within the first month. */
public class ExtensionTooLate extends StepNotAllowed {

	ExtensionTooLate(LocalDate firstDue) {
		super("rights.refused.extension-too-late", firstDue);
	}
}
