package io.charter.people.scim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonSummary;

import tools.jackson.databind.JsonNode;

/**
 * SCIM Groups are the directory's departments: a group's members are the active people of the
 * department, adding a member moves the person into it, removing one clears their department. A
 * group's id is derived from its name, so it stays the same however the department came to be
 * (the console, the CSV import, SCIM); a group a provider creates empty is remembered until it is
 * deleted.
 */
@Service
class ScimDepartments {

	/** A department as a group. */
	record Group(UUID id, String name, List<PersonSummary> members) {
	}

	private final Directory directory;
	private final DirectoryChanges changes;
	private final ScimStore store;

	ScimDepartments(Directory directory, DirectoryChanges changes, ScimStore store) {
		this.directory = directory;
		this.changes = changes;
		this.store = store;
	}

	static UUID id(String department) {
		return UUID.nameUUIDFromBytes(("department:" + department.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
	}

	@Transactional(readOnly = true)
	List<Group> all(boolean withMembers) {
		TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		names.addAll(directory.departments());
		names.addAll(store.groups());
		return names.stream().map(name -> group(name, withMembers)).toList();
	}

	@Transactional(readOnly = true)
	Optional<Group> find(UUID id, boolean withMembers) {
		return names().stream().filter(name -> id(name).equals(id)).findFirst().map(name -> group(name, withMembers));
	}

	@Transactional
	Group create(JsonNode body) {
		String name = displayName(body.get("displayName"));
		if (names().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
			throw new ScimException(409, "uniqueness", "A group of this name exists");
		}
		store.addGroup(name);
		memberIds(body.get("members")).forEach(member -> move(member, name));
		return group(name, true);
	}

	@Transactional
	Group replace(UUID id, JsonNode body) {
		Group group = existing(id);
		String name = rename(group, displayName(body.get("displayName")));
		List<UUID> wanted = memberIds(body.get("members"));
		directory.active(name).stream().filter(p -> !wanted.contains(p.id())).forEach(p -> leave(p.id(), name));
		wanted.forEach(member -> move(member, name));
		return group(name, true);
	}

	/** Entra and Okta: add or remove members (by value list or {@code members[value eq "..."]}), rename. */
	@Transactional
	Group patch(UUID id, JsonNode body) {
		Group group = existing(id);
		String name = group.name();
		for (ScimProvisioning.Operation op : ScimProvisioning.operations(body)) {
			String path = op.path() == null ? null : op.path().strip();
			String attribute = path == null ? null : ScimUser.path(path);
			if (path == null) {
				if (op.op().equals("remove")) {
					throw new ScimException(400, "noTarget", "remove needs a path");
				}
				if (op.value().has("displayName")) {
					name = rename(group(name, false), displayName(op.value().get("displayName")));
				}
				if (op.value().has("members")) {
					String target = name;
					memberIds(op.value().get("members")).forEach(member -> move(member, target));
				}
			}
			else if (attribute.equals("displayname")) {
				name = rename(group(name, false), displayName(op.value()));
			}
			else if (attribute.equals("members") || attribute.equals("members.value")) {
				String target = name;
				List<UUID> ids = path.contains("[") ? List.of(uuid(valueInPath(path))) : memberIds(op.value());
				switch (op.op()) {
					case "add" -> ids.forEach(member -> move(member, target));
					case "remove" -> {
						if (ids.isEmpty()) {
							directory.active(target).forEach(p -> leave(p.id(), target));
						}
						ids.forEach(member -> leave(member, target));
					}
					case "replace" -> {
						directory.active(target).stream().filter(p -> !ids.contains(p.id())).forEach(p -> leave(p.id(), target));
						ids.forEach(member -> move(member, target));
					}
					default -> throw ScimException.invalidValue("Unknown op '" + op.op() + "'");
				}
			}
		}
		return group(name, true);
	}

	@Transactional
	void delete(UUID id) {
		Group group = existing(id);
		directory.active(group.name()).forEach(p -> leave(p.id(), group.name()));
		store.removeGroup(group.name());
	}

	private Group existing(UUID id) {
		return find(id, false).orElseThrow(() -> ScimException.notFound("Group " + id));
	}

	private List<String> names() {
		List<String> names = new ArrayList<>(directory.departments());
		names.addAll(store.groups());
		return names;
	}

	private Group group(String name, boolean withMembers) {
		return new Group(id(name), name, withMembers ? directory.active(name) : List.of());
	}

	/** Moves every member to the new name; the id follows the name. */
	private String rename(Group group, String name) {
		if (name.equals(group.name())) {
			return name;
		}
		directory.active(group.name()).forEach(p -> move(p.id(), name));
		store.removeGroup(group.name());
		store.addGroup(name);
		return name;
	}

	private void move(UUID personId, String department) {
		if (directory.person(personId).isEmpty()) {
			throw ScimException.invalidValue("No User " + personId);
		}
		changes.change(personId, d -> withDepartment(d, department));
	}

	private void leave(UUID personId, String department) {
		directory.person(personId).filter(p -> department.equals(p.department()))
				.ifPresent(p -> changes.change(personId, d -> withDepartment(d, null)));
	}

	private static PersonDetails withDepartment(PersonDetails d, String department) {
		return new PersonDetails(d.name(), d.email(), d.employeeId(), d.kind(), department, d.managerId(), d.startDate(),
				d.endDate(), d.language());
	}

	private static String displayName(JsonNode value) {
		String name = value == null || !value.isValueNode() ? null : value.asString().strip();
		if (name == null || name.isEmpty() || name.length() > 200) {
			throw ScimException.invalidValue("displayName is required (at most 200 characters)");
		}
		return name;
	}

	private static List<UUID> memberIds(JsonNode members) {
		List<UUID> ids = new ArrayList<>();
		if (members == null || members.isNull()) {
			return ids;
		}
		if (!members.isArray()) {
			throw ScimException.invalidValue("members is a list");
		}
		for (JsonNode member : members) {
			ids.add(uuid(member.path("value").asString("")));
		}
		return ids;
	}

	/** {@code members[value eq "2819c223-..."]}: the quoted value. */
	private static String valueInPath(String path) {
		ScimFilter filter = ScimFilter.parse(path.substring(path.indexOf('[') + 1, path.lastIndexOf(']')));
		if (filter instanceof ScimFilter.Compare c && c.path().equals("value") && c.op().equals("eq") && c.value() != null) {
			return c.value().toString();
		}
		throw new ScimException(400, "invalidPath", "Expected members[value eq \"id\"]");
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			throw ScimException.invalidValue("A member's value is the id of a User");
		}
	}
}
