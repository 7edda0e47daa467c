package io.charter.people.scim;

import java.net.URI;
import java.util.List;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.charter.people.PersonSummary;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** SCIM Users (RFC 7644 section 3): the people of the directory, for identity providers. */
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsers {

	/** The largest page a list answers, as ServiceProviderConfig says. */
	static final int MAX_RESULTS = 1000;

	private final ScimProvisioning provisioning;
	private final JsonMapper json;

	ScimUsers(ScimProvisioning provisioning, JsonMapper json) {
		this.provisioning = provisioning;
		this.json = json;
	}

	@GetMapping
	ResponseEntity<ObjectNode> list(@RequestParam(required = false) String filter,
			@RequestParam(defaultValue = "1") int startIndex, @RequestParam(defaultValue = "100") int count) {
		int start = Math.max(1, startIndex);
		int size = Math.max(0, Math.min(count, MAX_RESULTS));
		List<ScimProvisioning.Provisioned> people;
		int total;
		if (filter == null || filter.isBlank()) {
			ScimProvisioning.Page page = provisioning.page(start - 1, size);
			people = page.people();
			total = page.total();
		}
		else {
			List<ScimProvisioning.Provisioned> found = provisioning.search(ScimFilter.parse(filter));
			total = found.size();
			people = found.subList(Math.min(start - 1, total), Math.min(start - 1 + size, total));
		}
		return ok(ScimResources.list(json, total, start,
				people.stream().map(p -> user(p.person(), p.kept())).toList()));
	}

	@GetMapping("/{id}")
	ResponseEntity<ObjectNode> get(@PathVariable UUID id) {
		return ok(user(provisioning.person(id).orElseThrow(() -> ScimException.notFound("User " + id))));
	}

	@PostMapping
	ResponseEntity<ObjectNode> create(@RequestBody JsonNode body) {
		ObjectNode user = user(provisioning.create(body));
		return ResponseEntity.created(URI.create(user.path("meta").path("location").asString()))
				.contentType(ScimResources.SCIM_TYPE).body(user);
	}

	@PutMapping("/{id}")
	ResponseEntity<ObjectNode> replace(@PathVariable UUID id, @RequestBody JsonNode body) {
		return ok(user(provisioning.replace(id, body)));
	}

	@PatchMapping("/{id}")
	ResponseEntity<ObjectNode> patch(@PathVariable UUID id, @RequestBody JsonNode body) {
		return ok(user(provisioning.patch(id, body)));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		provisioning.delete(id);
		return ResponseEntity.noContent().build();
	}

	private ObjectNode user(PersonSummary person) {
		return user(person, provisioning.kept(person.id()));
	}

	private ObjectNode user(PersonSummary person, ScimStore.Kept kept) {
		return ScimUser.json(json, person, kept, location("Users", person.id().toString()));
	}

	static String location(String type, String id) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/{type}/{id}").buildAndExpand(type, id)
				.toUriString();
	}

	static ResponseEntity<ObjectNode> ok(ObjectNode body) {
		return ResponseEntity.ok().contentType(ScimResources.SCIM_TYPE).body(body);
	}
}
