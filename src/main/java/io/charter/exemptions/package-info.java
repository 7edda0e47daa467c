/**
 * Exemptions (the policy's "explicit written consent from the security team", clauses S1-S8):
 * requests, written approvals that are never edited, refusals, revocation, expiry with notices, and
 * the look-up every control reads ({@code shared.exemption.ExemptionLookup}). Depends on
 * {@code people} (who asks, leavers), {@code notify} (notices), {@code identity} (the SECURITY team)
 * and {@code devices} (a revoked device ends its exemptions; the devices one may choose).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exemptions",
		allowedDependencies = { "shared", "platform", "people", "notify", "identity", "devices" })
package io.charter.exemptions;
