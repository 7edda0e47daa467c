/**
 * The web shell: page layout and navigation by role, the dashboard, languages, the error page and
 * problem-detail errors for the API. Depends on {@code shared} only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = "shared")
package io.charter.web;
