/**
 * The published declaration as others read it: the public page (and its fragment) in the site's
 * language, the cookie policy's clauses C3-C6 for compliance, the dashboard's last publication.
 */
package io.charter.consent.catalogue.declaration;
