package io.charter.devices.web;

import java.time.Instant;
import java.util.UUID;

/**
 * An employee's request for a software item to be approved.
 *
 * @param status requested, approved or refused
 * @param requesterName the requester's name in the directory; null when unknown or erased
 * @param refusal SECURITY's reason, when refused
 */
public record SoftwareRequestView(UUID id, UUID requesterId, String requesterName, String name, String reason,
		String status, Instant createdAt, Instant decidedAt, String refusal) {

	public boolean open() {
		return "requested".equals(status);
	}
}
