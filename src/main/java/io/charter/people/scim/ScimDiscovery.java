package io.charter.people.scim;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the service provider supports (RFC 7644 section 4): configuration, resource types, schemas. */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscovery {

	private static final String CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
	private static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

	private final JsonMapper json;
	private final List<JsonNode> schemas;

	ScimDiscovery(JsonMapper json) throws IOException {
		this.json = json;
		try (InputStream in = new ClassPathResource("scim/schemas.json").getInputStream()) {
			JsonNode all = json.readTree(in);
			this.schemas = all.valueStream().toList();
		}
	}

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<ObjectNode> config() {
		ObjectNode c = json.createObjectNode();
		c.putArray("schemas").add(CONFIG);
		c.putObject("patch").put("supported", true);
		c.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
		c.putObject("filter").put("supported", true).put("maxResults", ScimUsers.MAX_RESULTS);
		c.putObject("changePassword").put("supported", false);
		c.putObject("sort").put("supported", false);
		c.putObject("etag").put("supported", false);
		ObjectNode scheme = c.putArray("authenticationSchemes").addObject();
		scheme.put("type", "oauthbearertoken");
		scheme.put("name", "Bearer credential");
		scheme.put("description", "A SCIM credential issued by a Charter administrator (scim_...)");
		scheme.put("primary", true);
		c.putObject("meta").put("resourceType", "ServiceProviderConfig").put("location", "/scim/v2/ServiceProviderConfig");
		return ScimUsers.ok(c);
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<ObjectNode> resourceTypes() {
		return ScimUsers.ok(list(List.of(resourceTypeNode("User"), resourceTypeNode("Group"))));
	}

	@GetMapping("/ResourceTypes/{name}")
	ResponseEntity<ObjectNode> resourceType(@PathVariable String name) {
		return switch (name) {
			case "User", "Group" -> ScimUsers.ok(resourceTypeNode(name));
			default -> throw ScimException.notFound("ResourceType " + name);
		};
	}

	@GetMapping("/Schemas")
	ResponseEntity<ObjectNode> schemas() {
		return ScimUsers.ok(list(schemas));
	}

	@GetMapping("/Schemas/{id}")
	ResponseEntity<ObjectNode> schema(@PathVariable String id) {
		return schemas.stream().filter(s -> s.path("id").asString().equals(id)).findFirst()
				.map(s -> ScimUsers.ok((ObjectNode) s.deepCopy())).orElseThrow(() -> ScimException.notFound("Schema " + id));
	}

	private ObjectNode list(List<? extends JsonNode> resources) {
		return ScimResources.list(json, resources.size(), 1, resources.stream().map(JsonNode::deepCopy).toList());
	}

	private ObjectNode resourceTypeNode(String name) {
		ObjectNode type = json.createObjectNode();
		type.putArray("schemas").add(RESOURCE_TYPE);
		type.put("id", name);
		type.put("name", name);
		type.put("endpoint", "/" + name + "s");
		type.put("description", name.equals("User") ? "A person of the directory" : "A department");
		type.put("schema", name.equals("User") ? ScimResources.USER : ScimResources.GROUP);
		if (name.equals("User")) {
			type.putArray("schemaExtensions").addObject().put("schema", ScimResources.ENTERPRISE).put("required", false);
		}
		type.putObject("meta").put("resourceType", "ResourceType").put("location", "/scim/v2/ResourceTypes/" + name);
		return type;
	}
}
