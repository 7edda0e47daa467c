/**
 * Value types every module may use, the marker for auditable events, and the signature format of
 * Charter's webhooks. No beans, no utilities.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.charter.shared;
