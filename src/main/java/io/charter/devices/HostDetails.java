package io.charter.devices;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What osquery says of its host at enrolment ({@code host_details}: {@code os_version},
 * {@code osquery_info}, {@code system_info}, {@code platform_info}), cut to the columns' lengths.
 *
 * @param platform darwin, windows or linux: which of a check's queries the device runs
 */
public record HostDetails(String hostname, String platform, String osName, String osVersion, String serial,
		String hardwareModel, String osqueryVersion) {

	public static HostDetails of(JsonNode details) {
		JsonNode os = details.path("os_version");
		JsonNode system = details.path("system_info");
		return new HostDetails(text(system, "hostname", 255), family(os.path("platform").asString("")), text(os, "name", 200), text(os, "version", 100),
				text(system, "hardware_serial", 200), text(system, "hardware_model", 200),
				text(details.path("osquery_info"), "version", 50));
	}

	/**
	 * osquery's platform family as the checks name it: darwin and windows as reported, every other
	 * platform osquery runs on (ubuntu, debian, rhel, fedora, arch, ...) a Linux.
	 */
	static String family(String platform) {
		String p = platform.strip().toLowerCase(java.util.Locale.ROOT);
		return p.isEmpty() ? null : p.equals("darwin") || p.equals("windows") ? p : "linux";
	}

	private static String text(JsonNode node, String field, int max) {
		String value = node.path(field).asString("").strip();
		if (value.isEmpty()) {
			return null;
		}
		return value.length() > max ? value.substring(0, max) : value;
	}

	Map<String, Object> parameters() {
		Map<String, Object> p = new HashMap<>();
		p.put("hostname", hostname);
		p.put("platform", platform);
		p.put("osName", osName);
		p.put("osVersion", osVersion);
		p.put("serial", serial);
		p.put("model", hardwareModel);
		p.put("osquery", osqueryVersion);
		return p;
	}
}
