/**
 * Users and roles, local and OIDC login, API tokens. Depends on {@code notify} (invitations),
 * {@code platform} (problem details of the API's 401 and 403) and {@code shared}.
 *
 * <p>The base package holds the users (aggregate, repository, {@code IdentityManagement}, the
 * pages of users, profile, invitation and setup) and the module's public API: {@code IdentityManagement},
 * {@code UserSummary}, {@code AccountData}, {@code ApiToken}, {@code IdentityEvent}, the failures.
 * {@code signin} holds password and OIDC sign-in, the client throttle, the session filter and the
 * security chains; {@code tokens} the API tokens (issue, revoke, introspection, their page and API);
 * {@code web} the forms and views the templates import. No other module uses a sub-package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "platform", "notify", "people" })
package io.charter.identity;
