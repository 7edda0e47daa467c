package io.charter.rights;

/** Who on the staff may read requests and who may change them (method-security expressions). */
final class StaffAccess {

	static final String READ = "hasAnyRole('PRIVACY','ADMIN','AUDITOR')";
	static final String WRITE = "hasAnyRole('PRIVACY','ADMIN')";

	private StaffAccess() {
	}
}
