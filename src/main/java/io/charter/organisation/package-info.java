/**
 * The organisation that runs Charter, the controller in GDPR terms: its legal name and form per
 * language, company number, registered address, contacts, e-mail sender and supervisory authority,
 * edited by ADMIN. Other modules read it through {@link io.charter.organisation.Organisation}.
 * Fields the organisation has not given stay empty and are open questions to the admin, never
 * placeholders in public texts. Depends on {@code platform} and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation",
		allowedDependencies = { "shared", "platform" })
package io.charter.organisation;
