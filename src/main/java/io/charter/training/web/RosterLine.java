package io.charter.training.web;

import java.util.UUID;

/**
 * A person listed for a session.
 *
 * @param personId null once anonymised
 * @param status ENROLLED, WAITING or CANCELLED
 */
public record RosterLine(UUID personId, String name, String email, String status, boolean attended) {
}
