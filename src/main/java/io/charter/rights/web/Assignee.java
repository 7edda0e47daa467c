package io.charter.rights.web;

import java.util.UUID;

/** Someone a request can be assigned to: an active user with the PRIVACY or ADMIN role. */
public record Assignee(UUID id, String name) {
}
