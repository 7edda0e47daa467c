package io.charter.training.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.charter.shared.Duty.Standing;

/**
 * The signed-in person's enrolment page: where they stand, and the coming sessions.
 *
 * @param statuses their enrolment's state (ENROLLED, WAITING, CANCELLED) by session id
 */
public record OwnTraining(Standing standing, List<SessionRow> sessions, Map<UUID, String> statuses) {

	public OwnTraining {
		sessions = List.copyOf(sessions);
		statuses = Map.copyOf(statuses);
	}
}
