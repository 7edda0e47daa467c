/**
 * What the policy asks of each person, read through every {@link io.charter.shared.Duty} bean and {@link io.charter.shared.Duties} provider: the
 * signed-in person's "My compliance" and the security team's overview with its totals. Knows no
 * module that records a duty.
 */
package io.charter.people.duties;
