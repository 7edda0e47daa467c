/**
 * Infrastructure every module uses and no module owns: the clock, scheduling once per cluster
 * (ShedLock), the database's health and connection handling during an outage, the record of
 * scheduled-job runs, the purge of Spring Modulith's completed event publications, and what modules
 * would otherwise copy: problem details written outside Spring MVC, spreadsheet-safe CSV, the base
 * URL, UTC times for repositories, one-time e-mailed links and the secrets in them. Depends on
 * {@code shared} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package io.charter.platform;
