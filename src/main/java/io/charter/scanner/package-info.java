/**
 * The cookie scanner (clauses C1/C5 and C3/C4): visits a consent site's pages in headless Chromium
 * with no choice made, after "accept all" and after "refuse all" in Charter's banner, records the
 * cookies, storage keys and third-party hosts it sees, classifies them (the site's published
 * catalogue, then the Open Cookie Database shipped with Charter) and reports what breaches the
 * policy. Depends on {@code consent} for a site's published declaration (origins and catalogue) and
 * the draft it adds undeclared cookies to, {@code notify} and {@code identity} to e-mail the privacy team of a breach;
 * nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cookie scanner", allowedDependencies = { "shared", "platform", "consent", "notify", "identity" })
package io.charter.scanner;
