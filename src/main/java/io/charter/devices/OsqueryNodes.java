package io.charter.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.devices.DeviceEvent.CheckFailed;
import io.charter.devices.DeviceEvent.DeviceEnrolled;
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

	private final EnrollSecrets secrets;
	private final Devices devices;
	private final Checks checks;
	private final DevicesSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OsqueryNodes(EnrollSecrets secrets, Devices devices, Checks checks, DevicesSettings settings,
			ApplicationEventPublisher events, Clock clock) {
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
	 * were sent longer than {@code charter.devices.check-interval} ago, else none.
	 */
	@Transactional
	public Map<String, String> distributedRead(Devices.Node node) {
		Instant now = clock.instant();
		if (node.checksSentAt() != null && node.checksSentAt().plus(settings.checkInterval()).isAfter(now)) {
			return Map.of();
		}
		Map<String, String> queries = new LinkedHashMap<>();
		checks.queries(node.platform()).forEach((id, sql) -> queries.put(CHECK_PREFIX + id, sql));
		if (!queries.isEmpty()) {
			devices.checksSent(node.id(), now);
		}
		return queries;
	}

	/**
	 * Records the node's answers to checks: rows mean pass, no row fail, a status other than 0
	 * unknown (the query failed there, which proves nothing). Names that are not checks are ignored.
	 */
	@Transactional
	public int distributedWrite(Devices.Node node, JsonNode queries, JsonNode statuses) {
		Instant now = clock.instant();
		int recorded = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = queries.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> answer = it.next();
			if (!answer.getKey().startsWith(CHECK_PREFIX)) {
				continue;
			}
			String checkId = answer.getKey().substring(CHECK_PREFIX.length());
			if (!checks.exists(checkId)) {
				continue;
			}
			JsonNode status = statuses.path(answer.getKey());
			// osquery before 2.x sent no statuses: an answer without one ran.
			boolean ran = status.isMissingNode() || status.asInt(1) == 0;
			Boolean passed = ran ? answer.getValue().isArray() && !answer.getValue().isEmpty() : null;
			Optional<Optional<Boolean>> before = checks.last(node.id(), checkId);
			checks.record(node.id(), checkId, passed, now);
			recorded++;
			boolean failedBefore = before.isPresent() && before.get().filter(p -> !p).isPresent();
			if (Boolean.FALSE.equals(passed) && !failedBefore) {
				events.publishEvent(new CheckFailed(node.id(), checkId, "check " + checkId + " failed", Actors.SYSTEM, now));
			}
		}
		return recorded;
	}
}
