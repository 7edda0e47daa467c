package io.charter.rights;

import java.util.List;

/**
 * An erasure or restriction cannot be completed yet: some modules holding personal data have
 * neither carried it out nor a recorded reason why not (a 409 in the API).
 */
public class FulfilmentIncomplete extends StepNotAllowed {

	private final List<String> modules;

	/** @param step {@code erase} or {@code restrict} */
	public FulfilmentIncomplete(String step, List<String> modules) {
		super("rights.refused.not-run-everywhere." + step, String.join(", ", modules));
		this.modules = List.copyOf(modules);
	}

	/** The modules still to cover. */
	public List<String> modules() {
		return modules;
	}
}
