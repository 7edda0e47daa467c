/**
 * The premises (policy clauses S2-S4): the visitor register with its reception kiosk, incident
 * reports, and clean-desk spot checks. Depends on {@code people} (hosts, managers), {@code identity}
 * (the SECURITY team alerted), {@code notify} (messages), {@code organisation} (who keeps the
 * visitors' data, for the kiosk's notice), {@code devices} (a lost device marked in the inventory)
 * and {@code platform}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Premises",
		allowedDependencies = { "shared", "platform", "people", "notify", "organisation", "identity", "devices" })
package io.charter.premises;
