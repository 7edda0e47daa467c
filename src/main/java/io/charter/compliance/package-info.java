/**
 * Compliance: the policy's clauses as data, each mapped to the controls every module reports through
 * the kernel's {@link io.charter.shared.control.ControlReport}, and the clause table read from them.
 * Depends on no module that runs a control: only {@code shared} and {@code platform}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance",
		allowedDependencies = { "shared", "platform" })
package io.charter.compliance;
