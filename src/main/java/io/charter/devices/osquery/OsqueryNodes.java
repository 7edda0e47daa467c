package io.charter.devices.osquery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.Checks;
import io.charter.devices.DeviceEvent.CheckFailed;
import io.charter.devices.DeviceEvent.DeviceEnrolled;
import io.charter.devices.Devices;
import io.charter.devices.DevicesSettings;
import io.charter.devices.EnrollSecrets;
import io.charter.devices.HostDetails;
import io.charter.devices.Software;
import io.charter.platform.Secrets;
import io.charter.shared.Actors;
import tools.jackson.databind.JsonNode;

/**
 * What osquery nodes do through the TLS remote API. A node is known by its node key, a 256-bit
 * secret handed out at enrolment and stored as its SHA-256 only; callers are nodes, not staff, so
 * there is no method security: the node key is the authentication.
 */
@Service
class OsqueryNodes {

	/** Distributed query names of checks start so, so other queries (software inventory) can follow. */
	static final String CHECK_PREFIX = "charter-check:";
	/** Between a check's id and its version in a query name: {@code charter-check:screen-lock@2}. */
	static final String VERSION_MARK = "@";
	/** Distributed query names of the software inventory start so, one per osquery table. */
	static final String SOFTWARE_PREFIX = "charter-software:";

	/** The software inventory's queries per platform: name, version and publisher (macOS: bundle identifier). */
	private static final Map<String, Map<String, String>> SOFTWARE = Map.of(
			"darwin", Map.of("apps", "SELECT name, bundle_short_version AS version, bundle_identifier AS publisher FROM apps;"),
			"windows", Map.of("programs", "SELECT name, version, publisher FROM programs;"),
			"linux", Map.of("deb_packages", "SELECT name, version, maintainer AS publisher FROM deb_packages;",
					"rpm_packages", "SELECT name, version, vendor AS publisher FROM rpm_packages;"));

	private final EnrollSecrets secrets;
	private final Devices devices;
	private final Checks checks;
	private final Software software;
	private final DevicesSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final LoggedInOwners owners;

	OsqueryNodes(EnrollSecrets secrets, Devices devices, Checks checks, Software software,
			DevicesSettings settings, ApplicationEventPublisher events, Clock clock, LoggedInOwners owners) {
		this.owners = owners;
		this.software = software;
		this.secrets = secrets;
		this.devices = devices;
		this.checks = checks;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Enrolls a node with a valid secret: a new node key, once; the same host identifier enrolling
	 * again keeps its device (and its owner and history) under the new key. Empty when the secret is
	 * missing, unknown or revoked.
	 */
	@Transactional
	public Optional<String> enroll(String enrollSecret, String hostIdentifier, JsonNode hostDetails) {
		if (enrollSecret == null || enrollSecret.isBlank() || hostIdentifier == null || hostIdentifier.isBlank()
				|| hostIdentifier.length() > 200) {
			return Optional.empty();
		}
		Optional<UUID> secret = secrets.active(Secrets.hash(enrollSecret.strip()));
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		String nodeKey = Secrets.generate();
		HostDetails host = HostDetails.of(hostDetails);
		Instant now = clock.instant();
		Optional<UUID> known = devices.byHostIdentifier(hostIdentifier);
		UUID id = known.orElseGet(UUID::randomUUID);
		if (known.isPresent()) {
			devices.reenroll(id, Secrets.hash(nodeKey), secret.get(), host, now);
		}
		else {
			devices.insert(id, hostIdentifier, Secrets.hash(nodeKey), secret.get(), host, now);
		}
		events.publishEvent(new DeviceEnrolled(id, hostIdentifier, known.isPresent() ? "enrolled again" : "enrolled",
				Actors.SYSTEM, now));
		return Optional.of(nodeKey);
	}

	/** The device of an unrevoked node key, seen now; empty for anything else. */
	@Transactional
	public Optional<Devices.Node> authenticate(String nodeKey) {
		if (!Secrets.wellFormed(nodeKey)) {
			return Optional.empty();
		}
		Optional<Devices.Node> node = devices.byNodeKey(Secrets.hash(nodeKey));
		node.ifPresent(n -> devices.seen(n.id(), clock.instant()));
		return node;
	}

	/**
	 * The queries for the node now, by name: its platform's checks when they were never sent or
	 * were sent longer than {@code charter.devices.check-interval} ago, and its software inventory
	 * likewise at {@code charter.devices.software-interval}; else none.
	 */
	@Transactional
	public Map<String, String> distributedRead(Devices.Node node) {
		Instant now = clock.instant();
		Map<String, String> queries = new LinkedHashMap<>();
		if (due(node.checksSentAt(), settings.checkInterval(), now)) {
			checks.queries(node.platform())
					.forEach((id, query) -> queries.put(CHECK_PREFIX + id + VERSION_MARK + query.version(), query.sql()));
			// Who is logged in, for the owner: as often as the checks, so a handed-over laptop follows its user.
			queries.put(LoggedInOwners.QUERY_NAME, LoggedInOwners.QUERY);
			if (!queries.isEmpty()) {
				devices.checksSent(node.id(), now);
			}
		}
		Map<String, String> inventory = SOFTWARE.getOrDefault(node.platform(), Map.of());
		if (!inventory.isEmpty() && due(node.softwareSentAt(), settings.softwareInterval(), now)) {
			new TreeMap<>(inventory).forEach((table, sql) -> queries.put(SOFTWARE_PREFIX + table, sql));
			devices.softwareSent(node.id(), now);
		}
		return queries;
	}

	private static Optional<Integer> versionNumber(String text) {
		try {
			return Optional.of(Integer.parseInt(text));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static boolean due(Instant sentAt, Duration interval, Instant now) {
		return sentAt == null || !sentAt.plus(interval).isAfter(now);
	}

	/**
	 * Records the node's answers to checks: rows mean pass, no row fail, a status other than 0
	 * unknown (the query failed there, which proves nothing). Names that are not checks are ignored.
	 */
	@Transactional
	public int distributedWrite(Devices.Node node, JsonNode queries, JsonNode statuses) {
		Instant now = clock.instant();
		int recorded = 0;
		recordSoftware(node, queries, statuses, now);
		if (queries.path(LoggedInOwners.QUERY_NAME).isArray() && ran(statuses.path(LoggedInOwners.QUERY_NAME))) {
			owners.record(node.id(), queries.path(LoggedInOwners.QUERY_NAME), now);
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = queries.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> answer = it.next();
			if (!answer.getKey().startsWith(CHECK_PREFIX)) {
				continue;
			}
			String checkId = answer.getKey().substring(CHECK_PREFIX.length());
			Optional<Integer> version;
			int mark = checkId.lastIndexOf(VERSION_MARK);
			if (mark < 0) {
				// Asked before checks had versions: the version in force answers for it.
				version = checks.version(checkId);
			}
			else {
				version = versionNumber(checkId.substring(mark + 1));
				checkId = checkId.substring(0, mark);
			}
			if (version.isEmpty() || !checks.exists(checkId, version.get())) {
				continue;
			}
			JsonNode rows = answer.getValue();
			Boolean passed = ran(statuses.path(answer.getKey())) ? rows.isArray() && !rows.isEmpty() : null;
			recorded++;
			if (checks.answer(node.id(), checkId, version.get(), passed, now, Checks.OSQUERY)) {
				events.publishEvent(new CheckFailed(node.id(), checkId, "check " + checkId + " failed", Actors.SYSTEM, now));
			}
		}
		return recorded;
	}

	/**
	 * Replaces the device's software list with the rows of the inventory queries that ran (status
	 * 0); when none ran (all failed, or none was asked) the list stays as it was.
	 */
	private void recordSoftware(Devices.Node node, JsonNode queries, JsonNode statuses, Instant now) {
		List<Software.Item> items = new ArrayList<>();
		boolean ran = false;
		for (Map.Entry<String, JsonNode> answer : queries.properties()) {
			if (!answer.getKey().startsWith(SOFTWARE_PREFIX) || !ran(statuses.path(answer.getKey()))) {
				continue;
			}
			ran = true;
			for (JsonNode row : answer.getValue()) {
				String name = text(row, "name", 300);
				if (name != null) {
					items.add(new Software.Item(name, Objects.requireNonNullElse(text(row, "version", 100), ""),
							text(row, "publisher", 300)));
				}
			}
		}
		if (ran) {
			software.replace(node.id(), items, now);
		}
	}

	/** Whether the query ran on the device: status 0; osquery before 2.x sent no statuses, and an answer without one ran. */
	private static boolean ran(JsonNode status) {
		return status.isMissingNode() || status.asInt(1) == 0;
	}

	/** A column of a row osquery sent, stripped and cut to the column's size; null when blank. */
	private static String text(JsonNode row, String column, int max) {
		String value = row.path(column).asString("").strip();
		return value.isEmpty() ? null : value.length() > max ? value.substring(0, max) : value;
	}
}
