package io.charter.rights.web;

import io.charter.rights.NewRequest;
import io.charter.rights.RequestType;

/**
 * The public request form as posted. {@code website} is a honeypot: hidden from people, filled by
 * robots.
 */
public record RequestForm(String type, String name, String email, String visitorId, String details, String website) {

	public static RequestForm empty(String visitorId) {
		return new RequestForm(null, "", "", visitorId == null ? "" : visitorId, "", "");
	}

	public boolean filledByRobot() {
		return website != null && !website.isEmpty();
	}

	RequestType requestType() {
		if (type == null) {
			return null;
		}
		for (RequestType t : RequestType.values()) {
			if (t.name().equals(type)) {
				return t;
			}
		}
		return null;
	}

	public NewRequest toRequest(String language) {
		return new NewRequest(requestType(), name, email, language, visitorId, details);
	}

	public boolean isType(RequestType t) {
		return t.name().equals(type);
	}

	public String nameOrEmpty() {
		return name == null ? "" : name;
	}

	public String emailOrEmpty() {
		return email == null ? "" : email;
	}

	public String visitorIdOrEmpty() {
		return visitorId == null ? "" : visitorId;
	}

	public String detailsOrEmpty() {
		return details == null ? "" : details;
	}
}
