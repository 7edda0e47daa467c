package io.charter.shared;

/**
 * What a staff member may do (DESIGN: roles). A user may hold several roles; {@link #AUDITOR} reads
 * everything and changes nothing. In the kernel because every module states which roles reach its
 * pages and API.
 */
public enum Role {
	ADMIN, SECURITY, PRIVACY, RECEPTION, EMPLOYEE, AUDITOR;

	/** The Spring Security authority, {@code ROLE_<name>}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
