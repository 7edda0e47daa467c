/**
 * Policy documents in versions (Markdown, rendered and sanitised), their publication, and every
 * person's acknowledgement of a version: the policy's "read and understand the list of prohibited
 * activities". Each document is a {@link io.charter.shared.Duty} for the people in its scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policies",
		allowedDependencies = { "shared", "platform", "people", "notify" })
package io.charter.policies;
