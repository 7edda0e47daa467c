package io.charter.shared.exemption;

import java.util.Objects;
import java.util.UUID;

/**
 * What an exemption is granted to: one device, one person of the directory, or the whole
 * organisation.
 *
 * @param id the device id or the directory's person id; null for the organisation
 */
public record ExemptionSubject(Kind kind, UUID id) {

	public enum Kind {
		DEVICE, PERSON, ORGANISATION
	}

	private static final ExemptionSubject ORGANISATION = new ExemptionSubject(Kind.ORGANISATION, null);

	public ExemptionSubject {
		Objects.requireNonNull(kind, "kind");
		if ((kind == Kind.ORGANISATION) != (id == null)) {
			throw new IllegalArgumentException("Only the organisation is a subject without an id");
		}
	}

	public static ExemptionSubject device(UUID id) {
		return new ExemptionSubject(Kind.DEVICE, Objects.requireNonNull(id, "id"));
	}

	public static ExemptionSubject person(UUID id) {
		return new ExemptionSubject(Kind.PERSON, Objects.requireNonNull(id, "id"));
	}

	public static ExemptionSubject organisation() {
		return ORGANISATION;
	}
}
