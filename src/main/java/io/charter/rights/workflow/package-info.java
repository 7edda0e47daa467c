/**
 * The privacy team's workflow: its steps and reads on a request, the console pages and the API,
 * and the module's timers (reminders, housekeeping, webhook delivery). The top of the module: it
 * uses the base package, {@code intake} (to register and verify) and {@code fulfilment}.
 */
package io.charter.rights.workflow;
