/**
 * What requesters do without an account: file a request on the public form (throttled per client,
 * its own security chain), confirm their address, withdraw their request and download their
 * response package through the links e-mailed to them. Uses only the base package.
 */
package io.charter.rights.intake;
