/**
 * Infrastructure every module uses and no module owns: the clock, scheduling once per cluster
 * (ShedLock), the database's health and connection handling during an outage, the record of
 * scheduled-job runs, and the purge of Spring Modulith's completed event publications. Depends on
 * {@code shared} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package io.charter.platform;
