/**
 * Cookie consent: sites and their cookie catalogue, published declaration versions, the banner
 * script and its configuration, the consent log with proof, and the public cookie declaration.
 * Depends on {@code shared}, and on {@code rights} to answer data-subject requests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cookie consent", allowedDependencies = { "shared", "rights" })
package io.charter.consent;
