/**
 * The web shell: page layout and navigation by role, the dashboard, languages, the error page and
 * problem-detail errors for the API. Depends on {@code platform} (the problem-detail writer) and
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = { "shared", "platform" })
package io.charter.web;
