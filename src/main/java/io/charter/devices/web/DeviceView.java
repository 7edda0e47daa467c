package io.charter.devices.web;

import java.time.Instant;
import java.util.UUID;

/**
 * A device as the pages show it.
 *
 * @param platform osquery's platform family: darwin, windows, linux (or what osquery reported)
 * @param ownerName the owner's name in the directory, or null when nobody is assigned
 * @param revoked whether SECURITY revoked its node key (osquery must enroll again)
 */
public record DeviceView(UUID id, String hostIdentifier, String hostname, String platform, String osName,
		String osVersion, String serial, String hardwareModel, String osqueryVersion, UUID ownerId, String ownerName,
		Instant enrolledAt, Instant lastSeenAt, boolean revoked) {

	/** The name to show: the hostname, or the identifier osquery enrolled with. */
	public String name() {
		return hostname == null || hostname.isBlank() ? hostIdentifier : hostname;
	}
}
