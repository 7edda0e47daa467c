package io.charter.consent.catalogue;

import io.charter.shared.RuleViolation;


/**
 * A catalogue edit or a publication that the rules refuse. The message is English (for the API);
 * pages show {@code catalogue.error.<code>} in the reader's language, next to {@code field} when
 * the refusal is about one field.
 */
class InvalidCatalogueChange extends RuleViolation {

	private final String code;
	private final transient Object[] args;

	InvalidCatalogueChange(String field, String code, String message, Object... args) {
		super(field, message);
		this.code = code;
		this.args = args;
	}

	String code() {
		return code;
	}

	Object[] args() {
		return args.clone();
	}
}
