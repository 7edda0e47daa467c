/**
 * Security awareness training (policy clause S1): sessions, enrolment with a waiting list,
 * attendance, the calendar invitation sent with the enrolment e-mail, reminders and the weekly
 * digest, and the duty "training" that My compliance and the security overview read. Depends on
 * {@code people} (who is in scope), {@code notify} (messages), {@code identity} (the SECURITY team for the digest) and {@code platform}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
		allowedDependencies = { "shared", "platform", "people", "notify", "identity" })
package io.charter.training;
