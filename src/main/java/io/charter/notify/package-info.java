/**
 * Outgoing messages: e-mail through SMTP when configured, otherwise held in an outbox that
 * administrators can read. Templates per language (en, fr, nl). Depends on {@code platform} (UTC
 * times, job runs), {@code organisation} (the sender) and {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = { "shared", "platform", "organisation" })
package io.charter.notify;
