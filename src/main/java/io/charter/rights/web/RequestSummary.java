package io.charter.rights.web;

import java.time.LocalDate;
import java.util.UUID;

import io.charter.rights.Channel;
import io.charter.rights.RequestStatus;
import io.charter.rights.RequestType;

/**
 * A request as a row of the dashboard.
 *
 * @param dueOn the due date as it stands today (it moves while the clock is suspended)
 * @param daysLeft days from today to the due date; negative when overdue
 * @param assignee the assignee's display name, or null
 */
public record RequestSummary(UUID id, String reference, RequestType type, RequestStatus status, Channel channel,
		String name, LocalDate receivedOn, LocalDate dueOn, long daysLeft, boolean extended, String assignee) {

	public boolean overdue() {
		return status.open() && daysLeft < 0;
	}

	public boolean clockStopped() {
		return status == RequestStatus.WAITING_FOR_REQUESTER;
	}
}
