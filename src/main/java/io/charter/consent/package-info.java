/**
 * Cookie consent: sites and their cookie catalogue, published declaration versions, the banner
 * script and its configuration, the consent log with proof, and the public cookie declaration.
 * Depends on {@code shared}, through whose personal-data plug-in it answers data-subject requests,
 * and {@code platform} (problem details of its edge filters, CSV).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cookie consent", allowedDependencies = { "shared", "platform" })
package io.charter.consent;
