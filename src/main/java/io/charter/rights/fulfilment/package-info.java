/**
 * Carrying a request out: through the modules' personal-data holders (response packages, erasure,
 * restriction, withdrawal of consent), through the other systems connected by signed webhook and
 * their signed callbacks, and by hand (exceptions). Uses only the base package; the workflow calls
 * it.
 */
package io.charter.rights.fulfilment;
