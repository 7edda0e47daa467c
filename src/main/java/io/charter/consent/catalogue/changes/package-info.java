/**
 * What a declaration version changes against the one before: whether visitors must be asked again
 * (material changes) and the differences field by field. Pure functions of two declarations.
 */
package io.charter.consent.catalogue.changes;
