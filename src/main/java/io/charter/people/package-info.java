/**
 * The people directory: employees and contractors with their department, manager, start and end
 * dates and status (active, leaver), edited by ADMIN and SECURITY, imported and exported as CSV.
 * Other modules read it through {@link io.charter.people.Directory} and listen to
 * {@link io.charter.people.PeopleEvent}s; {@link io.charter.people.DirectoryChanges} is the write
 * API the console, the REST API and provisioning (SCIM) share. A person is never deleted: erasure
 * anonymises. Depends on {@code platform} and {@code shared} only (identity listens to it, not the
 * other way round).
 */
@org.springframework.modulith.ApplicationModule(displayName = "People",
		allowedDependencies = { "shared", "platform" })
package io.charter.people;
