package io.charter.devices.web;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An entry of the approved-software catalogue (clause S6).
 *
 * @param pattern the software's name: exact, or a glob where {@code *} stands for any characters;
 *        case is ignored
 * @param publisher when given, the publisher (on macOS the bundle identifier) must match it, as a glob
 * @param platform when given, darwin, windows or linux: the entry approves on that platform only
 */
public record ApprovalView(UUID id, String pattern, String publisher, String platform, String note, Instant createdAt,
		String createdBy) {

	/** Whether the entry approves this installed item on a device of this platform. */
	public boolean approves(String name, String itemPublisher, String devicePlatform) {
		return (platform == null || platform.equals(devicePlatform)) && glob(pattern, name)
				&& (publisher == null || glob(publisher, itemPublisher));
	}

	static boolean glob(String pattern, String value) {
		if (value == null) {
			return false;
		}
		if (pattern.indexOf('*') < 0) {
			return pattern.equalsIgnoreCase(value);
		}
		StringBuilder regex = new StringBuilder();
		for (String part : pattern.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(part.toLowerCase(Locale.ROOT)));
		}
		return value.toLowerCase(Locale.ROOT).matches(regex.toString());
	}
}
