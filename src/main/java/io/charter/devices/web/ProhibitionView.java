package io.charter.devices.web;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry of the prohibited-software list (clause S8).
 *
 * @param pattern the software's name: exact, or a glob where {@code *} stands for any characters;
 *        case is ignored
 * @param platform when given, darwin, windows or linux: the entry prohibits on that platform only
 * @param category scanner, sniffer or piracy
 */
public record ProhibitionView(UUID id, String pattern, String platform, String category, String note,
		Instant createdAt, String createdBy) {

	/** Whether the entry prohibits this installed item on a device of this platform. */
	public boolean prohibits(String name, String devicePlatform) {
		return (platform == null || platform.equals(devicePlatform)) && ApprovalView.glob(pattern, name);
	}
}
