/**
 * Cookie consent: sites and their cookie catalogue, published declaration versions, the banner
 * script and its configuration, the consent log with proof, and the public cookie declaration.
 * Depends on {@code shared} only: it answers data-subject requests through the kernel's
 * personal-data plug-in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cookie consent", allowedDependencies = "shared")
package io.charter.consent;
