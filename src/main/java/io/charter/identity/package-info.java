/**
 * Users and roles, local and OIDC login, API tokens. Depends on {@code notify} (invitations),
 * {@code platform} (problem details of the API's 401 and 403) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "platform", "notify" })
package io.charter.identity;
