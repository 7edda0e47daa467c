package io.charter.rights.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import io.charter.rights.Channel;
import io.charter.rights.NewRequest;
import io.charter.rights.RequestType;
import io.charter.rights.fulfilment.RequestFulfilment;
import io.charter.rights.web.FulfilmentRecord;

/**
 * For tests of other modules: the privacy team's steps on a request, as the module's own pages and
 * API take them (the services are package-private). The caller sets the signed-in staff member.
 */
public final class StaffSteps {

	private final RequestSteps steps;
	private final RequestFulfilment fulfilment;

	public StaffSteps(ApplicationContext context) {
		this.steps = context.getBean(RequestSteps.class);
		this.fulfilment = context.getBean(RequestFulfilment.class);
	}

	/** Registers a request received by e-mail today and records that the requester's identity was checked. */
	public UUID verifiedRequest(RequestType type, String name, String email, String language, String visitorId) {
		UUID id = steps.register(new NewRequest(type, name, email, language, visitorId, null), Channel.EMAIL,
				LocalDate.now()).id();
		steps.recordIdentityCheck(id, "visitor id read from the requester's banner cookie");
		return id;
	}

	public void assign(UUID id, UUID assigneeId) {
		steps.assign(id, assigneeId);
	}

	public List<FulfilmentRecord> erase(UUID id) {
		return fulfilment.erase(id);
	}

	public List<FulfilmentRecord> withdrawConsent(UUID id) {
		return fulfilment.withdrawConsent(id);
	}
}
