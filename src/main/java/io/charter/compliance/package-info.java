/**
 * Compliance: the policy's clauses as data, each mapped to the controls every module reports through
 * the kernel's {@link io.charter.shared.control.ControlReport}, and the clause table read from them.
 * Reads controls only through the kernel, never a module that runs one; {@code policies} only for
 * the published text it renders with each clause's status beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance",
		allowedDependencies = { "shared", "platform", "policies", "audit" })
package io.charter.compliance;
