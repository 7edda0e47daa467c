package io.charter.devices;

import java.time.Instant;
import java.util.UUID;

import io.charter.shared.AuditableEvent;

/**
 * A change to the devices, recorded in the audit trail: a device (entity {@code device}) or an
 * enroll secret (entity {@code enroll-secret}). Summaries never carry a secret or a node key.
 */
public sealed interface DeviceEvent extends AuditableEvent {

	String DEVICE = "device";
	String SECRET = "enroll-secret";
	String APPROVAL = "approved-software";
	String REQUEST = "software-request";
	String PROHIBITION = "prohibited-software";
	String CHECK = "device-check";

	/** About one device. */
	sealed interface OfDevice extends DeviceEvent {

		UUID deviceId();

		@Override
		default String entityType() {
			return DEVICE;
		}

		@Override
		default String entityId() {
			return deviceId().toString();
		}
	}

	/** About one enroll secret. */
	sealed interface OfSecret extends DeviceEvent {

		UUID secretId();

		@Override
		default String entityType() {
			return SECRET;
		}

		@Override
		default String entityId() {
			return secretId().toString();
		}
	}

	/** About one entry of the approved-software catalogue. */
	sealed interface OfApproval extends DeviceEvent {

		UUID approvalId();

		@Override
		default String entityType() {
			return APPROVAL;
		}

		@Override
		default String entityId() {
			return approvalId().toString();
		}
	}

	/** osquery enrolled a device, or enrolled it again after its node key was refused. */
	record DeviceEnrolled(UUID deviceId, String hostIdentifier, String summary, String actor, Instant occurredAt)
			implements OfDevice {

		@Override
		public String action() {
			return DEVICE + ".enrolled";
		}
	}

	/** An MDM export created or updated the device (matched by serial number). */
	record DeviceImported(UUID deviceId, boolean created, String summary, String actor, Instant occurredAt)
			implements OfDevice {

		@Override
		public String action() {
			return DEVICE + ".imported";
		}
	}

	/** SECURITY or ADMIN assigned the device to a person of the directory, or to nobody. */
	record DeviceOwnerSet(UUID deviceId, UUID ownerId, String summary, String actor, Instant occurredAt)
			implements OfDevice {

		@Override
		public String action() {
			return DEVICE + ".owner-set";
		}
	}

	/** A check the device passed or had not answered now fails on it. */
	record CheckFailed(UUID deviceId, String checkId, String summary, String actor, Instant occurredAt)
			implements OfDevice {

		@Override
		public String action() {
			return DEVICE + ".check-failed";
		}
	}

	/** SECURITY created an enroll secret (shown once). */
	record EnrollSecretCreated(UUID secretId, String summary, String actor, Instant occurredAt) implements OfSecret {

		@Override
		public String action() {
			return SECRET + ".created";
		}
	}

	/** SECURITY revoked an enroll secret: no new enrolment with it; enrolled devices keep their node keys. */
	record EnrollSecretRevoked(UUID secretId, String summary, String actor, Instant occurredAt) implements OfSecret {

		@Override
		public String action() {
			return SECRET + ".revoked";
		}
	}

	/** SECURITY revoked the device's node key: osquery must enroll again with a valid secret. */
	record DeviceRevoked(UUID deviceId, String summary, String actor, Instant occurredAt) implements OfDevice {

		@Override
		public String action() {
			return DEVICE + ".revoked";
		}
	}

	/** SECURITY added an entry to the approved-software catalogue (directly, or by approving a request). */
	record SoftwareApproved(UUID approvalId, String summary, String actor, Instant occurredAt) implements OfApproval {

		@Override
		public String action() {
			return APPROVAL + ".added";
		}
	}

	/** SECURITY removed an entry from the catalogue: what it approved is a finding again. */
	record ApprovalRemoved(UUID approvalId, String summary, String actor, Instant occurredAt) implements OfApproval {

		@Override
		public String action() {
			return APPROVAL + ".removed";
		}
	}

	/** SECURITY added an entry to, or removed one from, the prohibited-software list (clause S8). */
	record ProhibitionChanged(UUID prohibitionId, boolean added, String summary, String actor, Instant occurredAt)
			implements DeviceEvent {

		@Override
		public String entityType() {
			return PROHIBITION;
		}

		@Override
		public String entityId() {
			return prohibitionId.toString();
		}

		@Override
		public String action() {
			return PROHIBITION + (added ? ".added" : ".removed");
		}
	}

	/** An employee asked for a software item to be approved, or SECURITY decided on the request. */
	record SoftwareRequestChanged(UUID requestId, String status, String summary, String actor, Instant occurredAt)
			implements DeviceEvent {

		@Override
		public String entityType() {
			return REQUEST;
		}

		@Override
		public String entityId() {
			return requestId.toString();
		}

		@Override
		public String action() {
			return REQUEST + "." + status;
		}
	}

	/** SECURITY put a new version of a check in force (query, platform, clause, enabled, how to fix it). */
	record CheckChanged(String checkId, int version, String summary, String actor, Instant occurredAt)
			implements DeviceEvent {

		@Override
		public String entityType() {
			return CHECK;
		}

		@Override
		public String entityId() {
			return checkId;
		}

		@Override
		public String action() {
			return CHECK + ".changed";
		}
	}
}
