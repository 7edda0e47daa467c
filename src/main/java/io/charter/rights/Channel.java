package io.charter.rights;

/** How a request reached the organisation. The statutory period runs from receipt on any channel. */
public enum Channel {
	FORM, EMAIL, POST, PHONE, OTHER;

	public String key() {
		return "rights.channel." + name().toLowerCase(java.util.Locale.ROOT);
	}
}
