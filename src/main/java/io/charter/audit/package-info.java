/**
 * The append-only, hash-chained audit trail. Records every {@link io.charter.shared.AuditableEvent}
 * any module publishes; depends on nobody but {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package io.charter.audit;
