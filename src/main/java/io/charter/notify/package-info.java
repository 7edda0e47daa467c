/**
 * Outgoing messages: e-mail through SMTP when configured, otherwise held in an outbox that
 * administrators can read. Templates per language (en, fr, nl).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = "shared")
package io.charter.notify;
