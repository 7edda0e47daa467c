package io.charter.people.scim;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SCIM's schema URNs and media type. */
final class ScimResources {

	static final String SCIM_JSON = "application/scim+json";
	static final MediaType SCIM_TYPE = MediaType.parseMediaType(SCIM_JSON);
	static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
	static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
	static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
	static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private ScimResources() {
	}

	/** A ListResponse: one page of resources from {@code startIndex} (1-based) of {@code total}. */
	static ObjectNode list(JsonMapper json, int total, int startIndex, List<? extends JsonNode> resources) {
		ObjectNode body = json.createObjectNode();
		body.putArray("schemas").add(LIST);
		body.put("totalResults", total);
		body.put("startIndex", startIndex);
		body.put("itemsPerPage", resources.size());
		body.putArray("Resources").addAll(resources);
		return body;
	}

	/** A PATCH op's name as Entra ("Replace") and others ("replace") send it. */
	static String op(String op) {
		return op == null ? "" : op.toLowerCase(Locale.ROOT);
	}
}
