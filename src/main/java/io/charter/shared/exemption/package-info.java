/**
 * The exemption look-up: the exemptions module answers it, and every control asks it before counting
 * an item as failing, so no control depends on the exemptions module (which listens to their events).
 */
package io.charter.shared.exemption;
