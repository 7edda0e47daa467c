package io.charter.rights.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.charter.rights.Channel;
import io.charter.rights.RequestAction;
import io.charter.rights.RequestStatus;
import io.charter.rights.RequestType;

/**
 * A request with its history, what the modules did, and the steps its state allows now.
 *
 * @param firstDueOn the end of the first month: the last day for an extension or a refusal
 * @param dueOn the due date as it stands today
 * @param connectedSystems the other systems connected for this type of request
 * @param systemTasks what each was told and reported
 * @param allowed the steps the request's state allows now, as the request itself reports them
 */
public record RequestDetails(UUID id, String reference, RequestType type, RequestStatus status, Channel channel,
		String name, String email, String language, String visitorId, String details, LocalDate receivedOn,
		Instant receivedAt, LocalDate firstDueOn, LocalDate dueOn, long daysLeft, int suspendedDays,
		LocalDate suspendedSince, boolean extended, String extensionReason, LocalDate extendedOn, Instant verifiedAt,
		String verificationMeans, UUID assigneeId, String assignee, Instant closedAt, String closingText,
		boolean answeredLate, List<HistoryEntry> history, List<FulfilmentRecord> fulfilment,
		List<PackageRecord> packages, List<String> connectedSystems, List<SystemTask> systemTasks, @JsonIgnore Set<RequestAction> allowed) {

	public RequestDetails {
		allowed = allowed.isEmpty() ? EnumSet.noneOf(RequestAction.class) : EnumSet.copyOf(allowed);
	}

	/** Whether the request's state allows this step now. */
	public boolean allows(RequestAction action) {
		return allowed.contains(action);
	}

	/** The API's view of {@link #allowed}: every step by name, true where allowed. */
	@JsonProperty("actions")
	public Map<String, Boolean> actions() {
		Map<String, Boolean> actions = new LinkedHashMap<>();
		for (RequestAction action : RequestAction.values()) {
			actions.put(action.key(), allowed.contains(action));
		}
		return actions;
	}

	public boolean overdue() {
		return status.open() && daysLeft < 0;
	}
}
