/**
 * Data-subject requests (GDPR art. 12 to 22): intake from the public form and from staff,
 * verification, statutory deadlines, the workflow, reminders, and fulfilment through the
 * {@link io.charter.shared.personaldata.PersonalDataHolder} interface that data-holding modules implement.
 * Depends on {@code identity} (staff, roles), {@code notify} (letters), {@code organisation} (who signs them), {@code platform} (job runs) and
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data-subject rights",
		allowedDependencies = { "shared", "platform", "identity", "notify", "organisation" })
package io.charter.rights;
