package io.charter.people.scim;

/** A refusal answered in SCIM's error format (RFC 7644 section 3.12): status, scimType, detail. */
class ScimException extends RuntimeException {

	private final int status;
	private final String scimType;

	ScimException(int status, String scimType, String detail) {
		super(detail);
		this.status = status;
		this.scimType = scimType;
	}

	int status() {
		return status;
	}

	/** Null when the status says it all (404). */
	String scimType() {
		return scimType;
	}

	static ScimException notFound(String what) {
		return new ScimException(404, null, what + " not found");
	}

	static ScimException invalidValue(String detail) {
		return new ScimException(400, "invalidValue", detail);
	}

	/** A filter the grammar or Charter's attributes refuse: 400 {@code invalidFilter}. */
	static final class InvalidFilter extends ScimException {

		InvalidFilter(String detail) {
			super(400, "invalidFilter", detail);
		}
	}
}
