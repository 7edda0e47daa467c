/**
 * Users and roles, local and OIDC login, API tokens. Depends on {@code notify} (invitations) and
 * {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "notify" })
package io.charter.identity;
