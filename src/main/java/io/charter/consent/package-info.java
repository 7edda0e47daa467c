/**
 * Cookie consent, in three sub-domains that meet at the published declaration (this package:
 * {@link io.charter.consent.Declaration}, its versions and events): {@code catalogue} (sites, cookies,
 * texts, publication, the public declaration page), {@code banner} (the script and its
 * configuration) and {@code log} (consent records, proof, statistics, retention). Depends on
 * {@code shared}, through whose personal-data plug-in it answers data-subject requests, and
 * {@code platform} (problem details of its edge filters, CSV) and {@code organisation} (the controller the
 * declaration names).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cookie consent", allowedDependencies = { "shared", "platform", "organisation" })
package io.charter.consent;
