package io.charter.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request with its history, what the modules did, and the steps its state allows now.
 *
 * @param firstDueOn the end of the first month: the last day for an extension or a refusal
 * @param dueOn the due date as it stands today
 * @param connectedSystems the other systems connected for this type of request
 * @param systemTasks what each was told and reported
 */
public record RequestDetails(UUID id, String reference, RequestType type, RequestStatus status, Channel channel,
		String name, String email, String language, String visitorId, String details, LocalDate receivedOn,
		Instant receivedAt, LocalDate firstDueOn, LocalDate dueOn, long daysLeft, int suspendedDays,
		LocalDate suspendedSince, boolean extended, String extensionReason, LocalDate extendedOn, Instant verifiedAt,
		String verificationMeans, UUID assigneeId, String assignee, Instant closedAt, String closingText,
		boolean answeredLate, List<RequestStep> history, List<FulfilmentRecord> fulfilment,
		List<PackageRecord> packages, List<String> connectedSystems, List<SystemTask> systemTasks, Actions actions) {

	/** Which steps the request's state allows now. */
	public record Actions(boolean sendVerificationLink, boolean verify, boolean start, boolean askRequester,
			boolean resume, boolean extend, boolean complete, boolean refuse, boolean withdraw, boolean deliverPackage,
			boolean erase, boolean restrict, boolean withdrawConsent, boolean recordException, boolean assign,
			boolean notifySystems) {
	}

	public boolean overdue() {
		return status.open() && daysLeft < 0;
	}
}
