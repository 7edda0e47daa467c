/**
 * Devices: osquery's TLS remote API (enrolment with secrets SECURITY manages, configuration, logs,
 * distributed queries), the inventory of enrolled devices and their owners from the people
 * directory, and the posture checks of clauses S5-S7 answered by each device over time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Devices",
		allowedDependencies = { "shared", "platform", "people", "identity" })
package io.charter.devices;
