package io.charter.devices.mdm;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.charter.devices.web.ImportProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An MDM export read into facts per device: CSV with a header line, or JSON (an array of objects,
 * or an object whose {@code devices} or {@code value} member is one, as Microsoft Graph answers).
 * Columns and keys are matched by name, case, spaces and punctuation ignored, against the names
 * Intune, Jamf Pro and Google endpoint management give them in their exports; unknown ones are
 * ignored. Each bad value is a problem of its line (the CSV record, header being line 1; the JSON
 * array's element, the first being line 1), so the whole file is reported at once.
 */
final class MdmFile {

	/**
	 * One device as the export describes it. A null fact is not in the file: it leaves the check as
	 * it was rather than making it unknown.
	 */
	record Facts(long line, String serial, String name, String model, String os, String osVersion, String ownerEmail,
			Integer screenLockMinutes, Boolean diskEncrypted, Boolean managed, Boolean removableStorageBlocked,
			Boolean localBackup, Instant lastSeen) {

		/** osquery's platform family for the OS name, so imported and enrolled devices are asked alike. */
		String platform() {
			String o = os == null ? "" : os.toLowerCase(Locale.ROOT);
			if (o.contains("mac") || o.contains("os x") || o.equals("darwin")) {
				return "darwin";
			}
			if (o.contains("windows")) {
				return "windows";
			}
			if (o.contains("linux") || o.contains("ubuntu") || o.contains("debian") || o.contains("fedora")
					|| o.contains("red hat")) {
				return "linux";
			}
			return o.isBlank() ? null : o.replaceAll("[^a-z0-9]+", "-");
		}
	}

	/** What a file holds: the rows that read well and the problems of the others. */
	record Read(List<Facts> rows, List<ImportProblem> problems, boolean fileProblem) {
	}

	static final int MAX_ROWS = 100_000;
	/** The problems' message keys start so. */
	static final String KEY = "devices.import.error.";

	// Canonical field -> the names exports give it, normalized (lower case, letters and digits only).
	// Google's device API (Cloud Identity) names encryptionState (ENCRYPTED, NOT_ENCRYPTED) and
	// lastSyncTime; Jamf Pro's computer search may give "Computer Management Status" (Managed, Unmanaged).
	private static final Map<String, Set<String>> NAMES = new LinkedHashMap<>();
	static {
		NAMES.put("serial", Set.of("serial", "serialnumber", "hardwareserial", "deviceserialnumber"));
		NAMES.put("name", Set.of("name", "devicename", "computername", "hostname", "computer"));
		NAMES.put("model", Set.of("model", "hardwaremodel", "modelidentifier"));
		NAMES.put("os", Set.of("os", "operatingsystem", "osname", "platform"));
		NAMES.put("osVersion", Set.of("osversion", "operatingsystemversion"));
		NAMES.put("ownerEmail", Set.of("owneremail", "email", "emailaddress", "primaryuseremailaddress",
				"userprincipalname", "primaryuserupn", "useremail"));
		NAMES.put("screenLockMinutes", Set.of("screenlockminutes", "screenlock", "autolockminutes",
				"inactivitytimeoutminutes"));
		NAMES.put("diskEncrypted", Set.of("diskencrypted", "diskencryption", "encrypted", "isencrypted",
				"filevault2status", "filevaultstatus", "encryptionstatus", "encryptionstate"));
		NAMES.put("managed", Set.of("managed", "ismanaged", "managedby", "managementtype", "computermanagementstatus"));
		// Intune's "Device state" (ManagementState) and Google's managementState: a state, read by
		// MANAGEMENT_STATES, that decides over "Managed by" when both are given.
		NAMES.put("managementState", Set.of("managementstate", "devicestate"));
		NAMES.put("removableStorageBlocked", Set.of("removablestorageblocked", "usbstorageblocked",
				"removablestoragedenywrite"));
		NAMES.put("localBackup", Set.of("localbackup", "timemachine", "filehistory"));
		NAMES.put("lastSeen", Set.of("lastseen", "lastsync", "lastsyncdatetime", "lastsynctime", "lastcheckin", "lastcheckintime",
				"lastinventoryupdate", "lastcontacttime", "lastactivity"));
	}

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "on", "enabled", "encrypted",
			"allpartitionsencrypted", "bootpartitionsencrypted", "managed", "intune", "comanaged", "mdm", "jamf",
			"advanced", "blocked");
	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "disabled", "notencrypted",
			"nopartitionsencrypted", "unencrypted", "unmanaged", "notmanaged", "none", "basic", "allowed");

	/**
	 * Management states, normalized, and whether the device is under management in each; a state
	 * that does not say (unspecified, unhealthy, a failed or cancelled retire or wipe) is no fact.
	 * Google (Cloud Identity API, Device.managementState): APPROVED, BLOCKED, PENDING, UNPROVISIONED,
	 * WIPING, WIPED; DeviceUser.managementState adds PENDING_APPROVAL and UNENROLLED. Intune
	 * (Graph managedDevice.managementState, the export's "Device state"): managed, retirePending,
	 * retireFailed, wipePending, wipeFailed, unhealthy, deletePending, retireIssued, wipeIssued,
	 * wipeCanceled, retireCanceled, discovered. Sources in docs/devices.md.
	 */
	private static final Map<String, Boolean> MANAGEMENT_STATES = Map.ofEntries(Map.entry("approved", true),
			Map.entry("managed", true), Map.entry("blocked", false), Map.entry("pending", false),
			Map.entry("pendingapproval", false), Map.entry("unprovisioned", false), Map.entry("unenrolled", false),
			Map.entry("wiping", false), Map.entry("wiped", false), Map.entry("retirepending", false),
			Map.entry("retireissued", false), Map.entry("wipepending", false), Map.entry("wipeissued", false),
			Map.entry("deletepending", false), Map.entry("discovered", false));
	private static final Set<String> SILENT_STATES = Set.of("managementstateunspecified", "unhealthy", "retirefailed",
			"wipefailed", "retirecanceled", "retirecancelled", "wipecanceled", "wipecancelled", "unknownfuturevalue",
			"unknown");

	private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy h:mm[:ss] a", Locale.US);
	private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

	private MdmFile() {
	}

	/** JSON when the file starts with {@code [} or <code>{</code>, else CSV. */
	static Read read(byte[] file, JsonMapper json) {
		String text = new String(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
		String start = text.stripLeading();
		if (start.startsWith("[") || start.startsWith("{")) {
			return json(start, json);
		}
		return csv(text);
	}

	private static Read csv(String text) {
		List<Map<String, String>> records = new ArrayList<>();
		try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get()
				.parse(new StringReader(text))) {
			List<String> header = null;
			for (CSVRecord record : parser) {
				if (header == null) {
					header = record.toList();
					continue;
				}
				if (records.size() >= MAX_ROWS) {
					return fileProblem("too-many", String.valueOf(MAX_ROWS));
				}
				Map<String, String> row = new HashMap<>();
				for (int i = 0; i < header.size() && i < record.size(); i++) {
					row.put(header.get(i), record.get(i));
				}
				records.add(row);
			}
			if (header == null) {
				return fileProblem("empty", null);
			}
		}
		catch (IOException | RuntimeException e) {
			return fileProblem("not-csv", null);
		}
		return facts(records, 2);
	}

	private static Read json(String text, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JacksonException e) {
			return fileProblem("not-json", null);
		}
		JsonNode array = root.isArray() ? root : root.has("devices") ? root.get("devices") : root.get("value");
		if (array == null || !array.isArray()) {
			return fileProblem("not-array", null);
		}
		if (array.size() > MAX_ROWS) {
			return fileProblem("too-many", String.valueOf(MAX_ROWS));
		}
		List<Map<String, String>> records = new ArrayList<>();
		for (JsonNode element : array) {
			Map<String, String> row = new HashMap<>();
			if (element.isObject()) {
				for (var member : element.properties()) {
					JsonNode v = member.getValue();
					row.put(member.getKey(), v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString());
				}
			}
			records.add(row);
		}
		return facts(records, 1);
	}

	private static Read facts(List<Map<String, String>> records, long firstLine) {
		if (!records.isEmpty() && records.stream().noneMatch(r -> canonical(r).containsKey("serial"))) {
			return fileProblem("no-serial-column", null);
		}
		List<Facts> rows = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Long> serials = new HashMap<>();
		long line = firstLine;
		for (Map<String, String> record : records) {
			Row row = new Row(line++, canonical(record), problems);
			String serial = row.text("serial", 200);
			if (serial == null && !row.failed) {
				row.problem("serial", "serial-missing", null);
			}
			Long earlier = serial == null ? null : serials.putIfAbsent(serial.toUpperCase(Locale.ROOT), row.line);
			if (earlier != null) {
				row.problem("serial", "serial-twice", String.valueOf(earlier));
			}
			String owner = row.text("ownerEmail", 320);
			if (owner != null && !owner.matches("[^@\\s]+@[^@\\s]+")) {
				row.problem("ownerEmail", "not-email", owner);
			}
			Facts facts = new Facts(row.line, serial, row.text("name", 255), row.text("model", 200), row.text("os", 200),
					row.text("osVersion", 100), owner, row.minutes("screenLockMinutes"), row.flag("diskEncrypted"),
					row.managed(), row.flag("removableStorageBlocked"), row.flag("localBackup"),
					row.instant("lastSeen"));
			if (!row.failed) {
				rows.add(facts);
			}
		}
		return new Read(rows, problems, false);
	}

	private static Read fileProblem(String reason, String value) {
		return new Read(List.of(), List.of(new ImportProblem(0, null, KEY + reason, value)), true);
	}

	/** The record's values by canonical field; the first column that matches a field wins. */
	private static Map<String, String> canonical(Map<String, String> record) {
		Map<String, String> byField = new HashMap<>();
		record.forEach((column, value) -> {
			String key = column == null ? "" : column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			NAMES.forEach((field, names) -> {
				if (names.contains(key)) {
					byField.putIfAbsent(field, value);
				}
			});
		});
		return byField;
	}

	/** One record being read, collecting its problems. */
	private static final class Row {

		final long line;
		final Map<String, String> values;
		final List<ImportProblem> problems;
		boolean failed;

		Row(long line, Map<String, String> values, List<ImportProblem> problems) {
			this.line = line;
			this.values = values;
			this.problems = problems;
		}

		void problem(String field, String reason, String value) {
			problems.add(new ImportProblem(line, field, KEY + reason, value));
			failed = true;
		}

		String text(String field, int max) {
			String v = values.get(field);
			if (v == null || v.isBlank()) {
				return null;
			}
			v = v.strip();
			if (v.length() > max) {
				problem(field, "too-long", String.valueOf(max));
				return null;
			}
			return v;
		}

		Boolean flag(String field) {
			String v = text(field, 100);
			if (v == null) {
				return null;
			}
			String k = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			if (TRUE.contains(k)) {
				return true;
			}
			if (FALSE.contains(k)) {
				return false;
			}
			problem(field, "not-flag", v);
			return null;
		}

		/** The management state when the file gives one it names, else the "managed" flag. */
		Boolean managed() {
			String v = text("managementState", 100);
			if (v == null) {
				return flag("managed");
			}
			String k = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			if (MANAGEMENT_STATES.containsKey(k)) {
				return MANAGEMENT_STATES.get(k);
			}
			if (!SILENT_STATES.contains(k)) {
				problem("managed", "not-flag", v);
			}
			return null;
		}

		Integer minutes(String field) {
			String v = text(field, 20);
			if (v == null) {
				return null;
			}
			try {
				int minutes = (int) Math.round(Double.parseDouble(v));
				if (minutes < 0 || minutes > 100_000) {
					problem(field, "not-minutes", v);
					return null;
				}
				return minutes;
			}
			catch (NumberFormatException e) {
				problem(field, "not-minutes", v);
				return null;
			}
		}

		/** ISO 8601 (with an offset, or in UTC without), {@code yyyy-MM-dd HH:mm[:ss]} or US {@code M/d/yyyy h:mm[:ss] AM}, in UTC. */
		Instant instant(String field) {
			String v = text(field, 50);
			if (v == null) {
				return null;
			}
			try {
				return OffsetDateTime.parse(v).toInstant();
			}
			catch (DateTimeParseException e) {
				// another shape follows
			}
			for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, SPACED, US)) {
				try {
					return LocalDateTime.parse(v.replaceFirst("Z$", ""), f).toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException e) {
					// another shape follows
				}
			}
			try {
				return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException e) {
				problem(field, "not-date", v);
				return null;
			}
		}
	}
}
