package io.charter.rights;

/** Who on the staff may read requests and who may change them (method-security expressions). */
public final class StaffAccess {

	public static final String READ = "hasAnyRole('PRIVACY','ADMIN','AUDITOR')";
	public static final String WRITE = "hasAnyRole('PRIVACY','ADMIN')";

	private StaffAccess() {
	}
}
