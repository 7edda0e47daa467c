/**
 * Data-subject requests (GDPR art. 12 to 22). This package holds what the sub-domains share: the
 * aggregate {@link io.charter.rights.DataSubjectRequest} with its repository, changes, history and
 * events ({@link io.charter.rights.RightsEvent}), the statutory deadlines and holiday calendar,
 * the letters and the requesters' links, the response packages' store, reminders, the settings
 * and the shell. {@code intake} is what requesters do without an account (the public form, the
 * confirmation, withdrawal and download links); {@code fulfilment} carries a request out (the
 * modules' {@link io.charter.shared.personaldata.PersonalDataHolder}s, response packages,
 * connected systems and their callbacks); {@code workflow} is the privacy team's console and API,
 * its steps and reads, and the timers. Depends on {@code identity} (staff, roles), {@code notify}
 * (letters), {@code organisation} (who signs them), {@code platform} (job runs, CSV, base URL) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data-subject rights",
		allowedDependencies = { "shared", "platform", "identity", "notify", "organisation" })
package io.charter.rights;
