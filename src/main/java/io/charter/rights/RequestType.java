package io.charter.rights;

/**
 * The rights a request exercises. A complaint to the supervisory authority is not one of them:
 * Charter shows how to lodge it on the form and in every letter.
 */
public enum RequestType {
	ACCESS("15"), RECTIFICATION("16"), ERASURE("17"), RESTRICTION("18"), OBJECTION("21"), PORTABILITY("20"),
	/** Withdrawal of consent, art. 7(3). */
	WITHDRAWAL("7(3)");

	private final String article;

	RequestType(String article) {
		this.article = article;
	}

	/** The GDPR article, e.g. {@code 15}. */
	public String article() {
		return article;
	}

	/** The key of its name in the message bundles, e.g. {@code rights.type.access}. */
	public String key() {
		return "rights.type." + name().toLowerCase(java.util.Locale.ROOT);
	}

	/** Its name, for a message that names it in the reader's language. */
	public org.springframework.context.MessageSourceResolvable resolvable() {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { key() }, name());
	}

	/** Whether the answer is a package of the person's data. */
	public boolean deliversData() {
		return this == ACCESS || this == PORTABILITY;
	}
}
