package io.charter.people.scim;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.charter.people.scim.ScimDepartments.Group;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Groups: the departments (see {@link ScimDepartments}). */
@RestController
@RequestMapping("/scim/v2/Groups")
class ScimGroups {

	private final ScimDepartments departments;
	private final JsonMapper json;

	ScimGroups(ScimDepartments departments, JsonMapper json) {
		this.departments = departments;
		this.json = json;
	}

	/** {@code excludedAttributes=members} (Entra asks so) leaves the members out. */
	@GetMapping
	ResponseEntity<ObjectNode> list(@RequestParam(required = false) String filter,
			@RequestParam(defaultValue = "1") int startIndex, @RequestParam(defaultValue = "100") int count,
			@RequestParam(required = false) String excludedAttributes) {
		boolean members = !excludes(excludedAttributes);
		ScimFilter parsed = filter == null || filter.isBlank() ? null : ScimFilter.parse(filter);
		// Entra asks "id eq ... and members[value eq ...]" with members excluded from the answer.
		List<Group> found = departments.all(members || parsed != null).stream()
				.filter(g -> parsed == null || parsed.test(path -> values(g, path))).toList();
		int start = Math.max(1, startIndex);
		int size = Math.max(0, Math.min(count, ScimUsers.MAX_RESULTS));
		List<Group> page = found.subList(Math.min(start - 1, found.size()), Math.min(start - 1 + size, found.size()));
		return ScimUsers.ok(ScimResources.list(json, found.size(), start, page.stream().map(g -> group(g, members)).toList()));
	}

	@GetMapping("/{id}")
	ResponseEntity<ObjectNode> get(@PathVariable UUID id, @RequestParam(required = false) String excludedAttributes) {
		boolean members = !excludes(excludedAttributes);
		return ScimUsers.ok(group(departments.find(id, members).orElseThrow(() -> ScimException.notFound("Group " + id)), members));
	}

	@PostMapping
	ResponseEntity<ObjectNode> create(@RequestBody JsonNode body) {
		ObjectNode group = group(departments.create(body), true);
		return ResponseEntity.created(URI.create(group.path("meta").path("location").asString()))
				.contentType(ScimResources.SCIM_TYPE).body(group);
	}

	@PutMapping("/{id}")
	ResponseEntity<ObjectNode> replace(@PathVariable UUID id, @RequestBody JsonNode body) {
		return ScimUsers.ok(group(departments.replace(id, body), true));
	}

	@PatchMapping("/{id}")
	ResponseEntity<ObjectNode> patch(@PathVariable UUID id, @RequestBody JsonNode body) {
		return ScimUsers.ok(group(departments.patch(id, body), true));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		departments.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static boolean excludes(String excludedAttributes) {
		return excludedAttributes != null && excludedAttributes.toLowerCase(Locale.ROOT).contains("members");
	}

	private static List<Object> values(Group g, String path) {
		return switch (path) {
			case "id" -> List.of(g.id().toString());
			case "displayname", "externalid" -> List.of(g.name());
			case "members", "members.value" -> g.members().stream().map(p -> (Object) p.id().toString()).toList();
			default -> List.of();
		};
	}

	private ObjectNode group(Group g, boolean members) {
		ObjectNode group = json.createObjectNode();
		group.putArray("schemas").add(ScimResources.GROUP);
		group.put("id", g.id().toString());
		group.put("displayName", g.name());
		if (members) {
			ArrayNode list = group.putArray("members");
			g.members().forEach(p -> {
				ObjectNode member = list.addObject();
				member.put("value", p.id().toString());
				member.put("display", p.name());
				member.put("$ref", ScimUsers.location("Users", p.id().toString()));
				member.put("type", "User");
			});
		}
		ObjectNode meta = group.putObject("meta");
		meta.put("resourceType", "Group");
		meta.put("location", ScimUsers.location("Groups", g.id().toString()));
		return group;
	}
}
