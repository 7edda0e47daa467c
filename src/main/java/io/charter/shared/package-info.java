/**
 * Value types every module may use, and the marker for auditable events. No beans, no utilities.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.charter.shared;
