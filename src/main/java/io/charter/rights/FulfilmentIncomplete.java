package io.charter.rights;

import java.util.List;

/**
 * An erasure or restriction cannot be completed yet: some modules holding personal data have
 * neither carried it out nor a recorded reason why not (a 409 in the API).
 */
public class FulfilmentIncomplete extends StepNotAllowed {

	private final List<String> modules;

	public FulfilmentIncomplete(String step, List<String> modules) {
		super("The " + step + " has not run in every module: " + String.join(", ", modules)
				+ ". Run it again, or record for each of these modules why not (legal hold, nothing held, other).");
		this.modules = List.copyOf(modules);
	}

	/** The modules still to cover. */
	public List<String> modules() {
		return modules;
	}
}
