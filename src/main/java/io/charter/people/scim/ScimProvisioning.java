package io.charter.people.scim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.charter.people.Directory;
import io.charter.people.DirectoryChanges;
import io.charter.people.PeopleFilter;
import io.charter.people.PersonSummary;

import tools.jackson.databind.JsonNode;

/**
 * SCIM's Users over the directory's write API: each request is one transaction, so a refused
 * external id or leaver date leaves the person as it was. {@code active=false} marks a leaver
 * (identity then ends their account), {@code active=true} reinstates, DELETE anonymises.
 */
@Service
class ScimProvisioning {

	private final Directory directory;
	private final DirectoryChanges changes;
	private final ScimStore store;
	private final Clock clock;

	ScimProvisioning(Directory directory, DirectoryChanges changes, ScimStore store, Clock clock) {
		this.directory = directory;
		this.changes = changes;
		this.store = store;
		this.clock = clock;
	}

	/** A person the provider may see: not erased. */
	@Transactional(readOnly = true)
	Optional<PersonSummary> person(UUID id) {
		return directory.person(id).filter(p -> !store.anonymised(p.id()));
	}

	@Transactional(readOnly = true)
	ScimStore.Kept kept(UUID id) {
		return store.kept(id);
	}

	@Transactional
	PersonSummary create(JsonNode body) {
		ScimUser user = ScimUser.blank();
		user.applyAll(body);
		if (user.email() == null || user.email().isBlank()) {
			throw ScimException.invalidValue("userName is required (an e-mail address), or emails with the work address");
		}
		PersonSummary person = changes.create(user.details());
		store.setExternalId(person.id(), user.externalId);
		keepUserName(person, user, ScimStore.Kept.NONE);
		return user.active ? person : leave(person);
	}

	@Transactional
	PersonSummary replace(UUID id, JsonNode body) {
		PersonSummary before = existing(id);
		ScimUser user = ScimUser.of(before, store.kept(id)).cleared();
		user.applyAll(body);
		return write(before, user);
	}

	/** RFC 7644 section 3.5.2: add and replace with or without a path, remove with one. */
	@Transactional
	PersonSummary patch(UUID id, JsonNode body) {
		PersonSummary before = existing(id);
		ScimUser user = ScimUser.of(before, store.kept(id));
		for (Operation op : operations(body)) {
			switch (op.op()) {
				case "add", "replace" -> {
					if (op.path() == null) {
						user.applyAll(op.value());
					}
					else {
						user.set(op.path(), op.value());
					}
				}
				case "remove" -> {
					if (op.path() == null) {
						throw new ScimException(400, "noTarget", "remove needs a path");
					}
					user.remove(op.path());
				}
				default -> throw ScimException.invalidValue("Unknown op '" + op.op() + "'");
			}
		}
		return write(before, user);
	}

	/** DELETE: the person is anonymised (never deleted: records point at them) and gone for the provider. */
	@Transactional
	void delete(UUID id) {
		existing(id);
		changes.anonymise(id, "deleted by the SCIM provider");
	}

	/** A PATCH request's operations, each op lower case and path null when absent. */
	record Operation(String op, String path, JsonNode value) {
	}

	static List<Operation> operations(JsonNode body) {
		JsonNode ops = body == null ? null : body.get("Operations");
		if (ops == null) {
			ops = body == null ? null : body.get("operations");
		}
		if (ops == null || !ops.isArray() || ops.isEmpty()) {
			throw ScimException.invalidValue("A PATCH has Operations");
		}
		List<Operation> list = new ArrayList<>();
		for (JsonNode op : ops) {
			JsonNode path = op.get("path");
			JsonNode value = op.get("value");
			String name = ScimResources.op(op.path("op").asString(null));
			boolean noPath = path == null || path.isNull() || path.asString("").isBlank();
			if (!name.equals("remove") && (value == null || (noPath && !value.isObject()))) {
				throw ScimException.invalidValue("An " + name + " without a path has an object value");
			}
			list.add(new Operation(name, noPath ? null : path.asString(), value));
		}
		return list;
	}

	private PersonSummary write(PersonSummary before, ScimUser user) {
		boolean reinstated = user.active && !before.active();
		if (reinstated) {
			changes.reinstate(before.id());
		}
		PersonSummary after = changes.replace(before.id(), reinstated ? user.details().withEnd(null) : user.details());
		if (!user.active && before.active()) {
			after = leave(after);
		}
		ScimStore.Kept kept = store.kept(before.id());
		if (!Objects.equals(user.externalId, kept.externalId())) {
			store.setExternalId(before.id(), user.externalId);
		}
		keepUserName(after, user, kept);
		return after;
	}

	/** Keeps (or drops) the provider's userName beside the person; no two people answer one userName. */
	private void keepUserName(PersonSummary person, ScimUser user, ScimStore.Kept kept) {
		String userName = user.keptUserName();
		if (userName == null && store.userNameOfAnother(person.id(), person.email())) {
			throw new ScimException(409, "uniqueness", "userName is already used");
		}
		if (!Objects.equals(userName, kept.userName())) {
			store.setUserName(person.id(), userName);
		}
	}

	/** A leaver from today, or from the start date when they were to start later (an offer withdrawn). */
	private PersonSummary leave(PersonSummary person) {
		LocalDate today = LocalDate.now(clock);
		LocalDate end = person.startDate() != null && person.startDate().isAfter(today) ? person.startDate() : today;
		return changes.markLeaver(person.id(), end);
	}

	private PersonSummary existing(UUID id) {
		return person(id).orElseThrow(() -> ScimException.notFound("User " + id));
	}

	/** A person as a provider sees them: with the external id and userName it gave, when kept. */
	record Provisioned(PersonSummary person, ScimStore.Kept kept) {
	}

	/**
	 * The people a filter selects, in name order, each with their external id (one transaction for
	 * the whole answer). An {@code eq} on userName, emails, externalId, employeeNumber or id (alone,
	 * in an {@code and}, or on both sides of an {@code or}) is looked up by index; any other filter
	 * looks at everyone.
	 */
	@Transactional(readOnly = true)
	List<Provisioned> search(ScimFilter filter) {
		Optional<List<PersonSummary>> indexed = indexed(filter);
		List<Provisioned> found = new ArrayList<>();
		if (indexed.isPresent()) {
			for (PersonSummary p : indexed.get()) {
				Optional<ScimStore.Kept> kept = store.keptUnlessErased(p.id());
				if (kept.isPresent() && filter.test(path -> ScimUser.values(p, kept.get(), path))) {
					found.add(new Provisioned(p, kept.get()));
				}
			}
			found.sort(Comparator.comparing(f -> f.person().name(), String.CASE_INSENSITIVE_ORDER));
			return found;
		}
		Map<UUID, ScimStore.Kept> kept = store.kept();
		for (int offset = 0;; offset += Directory.MAX_PAGE) {
			Directory.Page page = directory.page(PeopleFilter.notErased(), offset, Directory.MAX_PAGE);
			for (PersonSummary p : page.people()) {
				ScimStore.Kept k = kept.getOrDefault(p.id(), ScimStore.Kept.NONE);
				if (filter.test(path -> ScimUser.values(p, k, path))) {
					found.add(new Provisioned(p, k));
				}
			}
			if (page.people().size() < Directory.MAX_PAGE) {
				return found;
			}
		}
	}

	/** A page of everyone but the erased, by name, and how many there are in all. */
	@Transactional(readOnly = true)
	Page page(int offset, int size) {
		Directory.Page page = directory.page(PeopleFilter.notErased(), offset, size);
		return new Page(page.people().stream().map(p -> new Provisioned(p, store.kept(p.id()))).toList(),
				page.total());
	}

	record Page(List<Provisioned> people, int total) {
	}

	private Optional<List<PersonSummary>> indexed(ScimFilter filter) {
		if (filter instanceof ScimFilter.Compare c && c.op().equals("eq") && c.value() instanceof String v) {
			return switch (c.path()) {
				// A userName kept beside the person, else the e-mail address; the filter then checks which.
				case "username" -> Optional.of(store.personOfUserName(v).flatMap(directory::person)
						.or(() -> directory.byEmail(v)).stream().toList());
				case "emails.value", "emails" -> Optional.of(directory.byEmail(v).stream().toList());
				case "employeenumber" -> Optional.of(directory.byEmployeeId(v).stream().toList());
				case "externalid" -> Optional.of(store.personOfExternalId(v).flatMap(directory::person).stream().toList());
				case "id" -> Optional.of(uuid(v).flatMap(directory::person).stream().toList());
				default -> Optional.empty();
			};
		}
		if (filter instanceof ScimFilter.And a) {
			return indexed(a.left()).or(() -> indexed(a.right()));
		}
		if (filter instanceof ScimFilter.Or o) {
			var left = indexed(o.left());
			var right = indexed(o.right());
			if (left.isEmpty() || right.isEmpty()) {
				return Optional.empty();
			}
			Map<UUID, PersonSummary> union = new LinkedHashMap<>();
			left.get().forEach(p -> union.put(p.id(), p));
			right.get().forEach(p -> union.put(p.id(), p));
			return Optional.of(List.copyOf(union.values()));
		}
		return Optional.empty();
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
