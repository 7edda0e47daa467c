package io.charter.devices.osquery;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.charter.devices.Devices;
import io.charter.devices.DevicesSettings;
import io.charter.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * osquery's TLS remote API, as osqueryd's {@code tls} enroll, config, logger and distributed plugins
 * call it (osquery's deployment/remote documentation). Every call but enrolment carries the node
 * key, in the body's {@code node_key} or in {@code Authorization: NodeKey <key>}; an unknown or
 * revoked key is answered {@code {"node_invalid": true}} with 200, which osqueryd reads as "enroll
 * again". Bodies may be gzip.
 */
@RestController
@Tag(name = "osquery")
class OsqueryApi {

	private static final Map<String, Object> NODE_INVALID = Map.of("node_invalid", true);

	private final OsqueryNodes nodes;
	private final DevicesSettings settings;
	private final JsonMapper json;
	private final EnrollThrottle throttle;

	OsqueryApi(OsqueryNodes nodes, DevicesSettings settings, JsonMapper json, EnrollThrottle throttle) {
		this.throttle = throttle;
		this.nodes = nodes;
		this.settings = settings;
		this.json = json;
	}

	@PostMapping(path = "/osquery/enroll", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "osqueryd enrolls with an enroll secret and gets its node key")
	Map<String, Object> enroll(HttpServletRequest request) throws IOException {
		if (!throttle.tryAcquire(request.getRemoteAddr())) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
					"Too many enrolment attempts from this client; osqueryd tries again later.");
		}
		JsonNode body = body(request);
		return nodes.enroll(body.path("enroll_secret").asString(null), body.path("host_identifier").asString(null),
				body.path("host_details"))
				.<Map<String, Object>>map(key -> Map.of("node_key", key, "node_invalid", false))
				.orElse(NODE_INVALID);
	}

	@PostMapping(path = "/osquery/config", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "osqueryd asks for its configuration")
	Map<String, Object> config(HttpServletRequest request) throws IOException {
		JsonNode body = body(request);
		return node(request, body).<Map<String, Object>>map(node -> Map.of("schedule", Map.of()))
				.orElse(NODE_INVALID);
	}

	@PostMapping(path = "/osquery/log", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "osqueryd sends a batch of result or status logs (counted as a sign of life, not kept)")
	Map<String, Object> log(HttpServletRequest request) throws IOException {
		JsonNode body = body(request);
		String type = body.path("log_type").asString("");
		if (!type.equals("result") && !type.equals("status") || !body.path("data").isArray()) {
			throw new RuleViolation("Expected {\"node_key\": \"...\", \"log_type\": \"result|status\", \"data\": [...]}.");
		}
		return node(request, body).<Map<String, Object>>map(node -> Map.of("node_invalid", false)).orElse(NODE_INVALID);
	}

	@PostMapping(path = "/osquery/distributed/read", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "osqueryd asks which queries to run now")
	Map<String, Object> read(HttpServletRequest request) throws IOException {
		JsonNode body = body(request);
		return node(request, body).<Map<String, Object>>map(node -> {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("queries", nodes.distributedRead(node));
			answer.put("node_invalid", false);
			return answer;
		}).orElse(NODE_INVALID);
	}

	@PostMapping(path = "/osquery/distributed/write", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "osqueryd sends the results of the queries it ran")
	Map<String, Object> write(HttpServletRequest request) throws IOException {
		JsonNode body = body(request);
		if (!body.path("queries").isObject()) {
			throw new RuleViolation("Expected {\"node_key\": \"...\", \"queries\": {\"name\": [rows]}, \"statuses\": {\"name\": 0}}.");
		}
		return node(request, body).<Map<String, Object>>map(node -> {
			nodes.distributedWrite(node, body.path("queries"), body.path("statuses"));
			return Map.of("node_invalid", false);
		}).orElse(NODE_INVALID);
	}

	private Optional<Devices.Node> node(HttpServletRequest request, JsonNode body) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String key = header != null && header.regionMatches(true, 0, "NodeKey ", 0, 8) ? header.substring(8).strip()
				: body.path("node_key").asString(null);
		return nodes.authenticate(key);
	}

	private JsonNode body(HttpServletRequest request) throws IOException {
		byte[] bytes = OsqueryBody.read(request.getInputStream(), request.getHeader(HttpHeaders.CONTENT_ENCODING),
				request.getContentLengthLong(), settings.maxBody().toBytes(), settings.maxInflated().toBytes());
		try {
			JsonNode body = json.readTree(bytes);
			if (body == null || !body.isObject()) {
				throw new RuleViolation("The body is not a JSON object.");
			}
			return body;
		}
		catch (JacksonException e) {
			throw new RuleViolation("The body is not JSON.");
		}
	}
}
