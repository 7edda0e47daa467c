package io.charter.people.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.people.PersonStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A person as a SCIM User, and the edits a provider sends (POST, PUT, PATCH) applied to it.
 *
 * <table>
 * <tr><th>SCIM</th><th>directory</th></tr>
 * <tr><td>emails[type eq "work"].value, else a userName that is an address</td><td>e-mail address</td></tr>
 * <tr><td>userName not the address</td><td>kept beside the person for the provider</td></tr>
 * <tr><td>name.formatted (else givenName familyName, else displayName)</td><td>name</td></tr>
 * <tr><td>active</td><td>status (false: leaver, true: reinstated)</td></tr>
 * <tr><td>externalId</td><td>kept beside the person for the provider</td></tr>
 * <tr><td>userType (Employee, Contractor)</td><td>kind</td></tr>
 * <tr><td>preferredLanguage, locale (fr, nl, en)</td><td>language</td></tr>
 * <tr><td>enterprise employeeNumber, department, manager.value</td><td>employee id, department, manager</td></tr>
 * </table>
 * Other attributes (phone numbers, addresses, title) are not kept and are ignored.
 */
final class ScimUser {

	String name;
	String givenName;
	String familyName;
	String displayName;
	boolean formattedSet;
	boolean partsSet;
	boolean displaySet;
	String email;
	/** The provider's userName (null: none given); kept beside the person when it is not the e-mail address. */
	String userName;
	private boolean emailSet;
	private boolean userNameSet;
	/** Whether the e-mail address follows userName when only userName changes: it was the address. */
	private boolean linked = true;
	String employeeId;
	PersonKind kind;
	String department;
	UUID managerId;
	String language;
	boolean active;
	String externalId;
	private final PersonSummary stored;

	private ScimUser(PersonSummary stored) {
		this.stored = stored;
	}

	/** A new user, before the body is applied. */
	static ScimUser blank() {
		ScimUser user = new ScimUser(null);
		user.kind = PersonKind.EMPLOYEE;
		user.language = "en";
		user.active = true;
		return user;
	}

	static ScimUser of(PersonSummary person, ScimStore.Kept kept) {
		ScimUser user = new ScimUser(person);
		user.name = person.name();
		String[] parts = split(person.name());
		user.givenName = parts[0];
		user.familyName = parts[1];
		user.email = person.email();
		user.employeeId = person.employeeId();
		user.kind = person.kind();
		user.department = person.department();
		user.managerId = person.managerId();
		user.language = person.language();
		user.active = person.active();
		user.externalId = kept.externalId();
		user.userName = kept.userName() != null ? kept.userName() : person.email();
		user.linked = kept.userName() == null;
		return user;
	}

	/** PUT: the attributes a provider manages are replaced; dates and kind stay unless given. */
	ScimUser cleared() {
		ScimUser user = new ScimUser(stored);
		user.kind = kind;
		user.language = language;
		user.active = true;
		return user;
	}

	/** A whole resource (POST, PUT) or a path-less PATCH value: each attribute it names. */
	void applyAll(JsonNode resource) {
		if (!resource.isObject()) {
			throw ScimException.invalidValue("A resource is a JSON object");
		}
		for (Map.Entry<String, JsonNode> field : resource.properties()) {
			String key = field.getKey();
			JsonNode value = field.getValue();
			if (key.regionMatches(true, 0, "urn:", 0, 4) && value.isObject()) {
				// {"urn:...:enterprise:2.0:User": {"department": "IT"}}
				for (Map.Entry<String, JsonNode> sub : value.properties()) {
					set(sub.getKey(), sub.getValue());
				}
			}
			else if (key.equalsIgnoreCase("name") && value.isObject()) {
				for (Map.Entry<String, JsonNode> sub : value.properties()) {
					set("name." + sub.getKey(), sub.getValue());
				}
			}
			else {
				set(key, value);
			}
		}
	}

	/** Sets one attribute by its path (as in a PATCH); an attribute Charter does not keep is ignored. */
	void set(String rawPath, JsonNode value) {
		String path = path(rawPath);
		switch (path) {
			case "schemas", "meta", "groups" -> {
			}
			case "id" -> {
				if (stored == null || !text(value).equals(stored.id().toString())) {
					throw new ScimException(400, "mutability", "id is read-only");
				}
			}
			case "username" -> {
				userName = text(value);
				userNameSet = true;
			}
			case "emails" -> {
				email = workEmail(value);
				emailSet = true;
			}
			case "emails.value" -> {
				email = text(value);
				emailSet = true;
			}
			case "name.formatted" -> {
				name = text(value);
				formattedSet = true;
			}
			case "name.givenname" -> {
				givenName = text(value);
				partsSet = true;
			}
			case "name.familyname" -> {
				familyName = text(value);
				partsSet = true;
			}
			case "name" -> {
				for (Map.Entry<String, JsonNode> sub : objectOf("name", value).properties()) {
					set("name." + sub.getKey(), sub.getValue());
				}
			}
			case "displayname" -> {
				displayName = text(value);
				displaySet = true;
			}
			case "active" -> active = bool(value);
			case "externalid" -> externalId = text(value);
			case "usertype" -> kind = kind(value);
			case "preferredlanguage", "locale" -> language = language(value);
			case "employeenumber" -> employeeId = text(value);
			case "department" -> department = text(value);
			case "manager", "manager.value" -> managerId = manager(value);
			default -> {
			}
		}
	}

	/** PATCH remove: the attribute is cleared. */
	void remove(String rawPath) {
		String path = path(rawPath);
		switch (path) {
			case "externalid" -> externalId = null;
			case "employeenumber" -> employeeId = null;
			case "department" -> department = null;
			case "manager", "manager.value" -> managerId = null;
			case "id", "username", "emails", "emails.value" ->
				throw new ScimException(400, "mutability", rawPath + " cannot be removed");
			default -> {
			}
		}
	}

	/**
	 * The e-mail address once every attribute is applied, whatever their order: the work address of
	 * {@code emails} when given, else a userName that is an address (the userName of a new person,
	 * or a new userName of a person whose userName was their address).
	 */
	String email() {
		if (userNameSet && linked && userName != null && userName.indexOf('@') > 0 && (!emailSet || blank(email))) {
			return userName;
		}
		return email;
	}

	/** The userName to keep beside the person: null when it is their e-mail address (or none was given). */
	String keptUserName() {
		String address = email();
		return userName == null || userName.isBlank() || userName.strip().equalsIgnoreCase(address) ? null : userName.strip();
	}

	/** The details to write: the name from formatted, else given and family name, else displayName. */
	PersonDetails details() {
		String full = formattedSet && !blank(name) ? name
				: partsSet && !blank(join(givenName, familyName)) ? join(givenName, familyName)
				: displaySet && !blank(displayName) ? displayName : name;
		return new PersonDetails(full, email(), employeeId, kind, department, managerId,
				stored == null ? null : stored.startDate(), stored == null ? null : stored.endDate(), language);
	}

	static ObjectNode json(JsonMapper json, PersonSummary p, ScimStore.Kept kept, String location) {
		String externalId = kept.externalId();
		ObjectNode user = json.createObjectNode();
		user.putArray("schemas").add(ScimResources.USER).add(ScimResources.ENTERPRISE);
		user.put("id", p.id().toString());
		if (externalId != null) {
			user.put("externalId", externalId);
		}
		user.put("userName", kept.userName() != null ? kept.userName() : p.email());
		String[] parts = split(p.name());
		ObjectNode name = user.putObject("name");
		name.put("formatted", p.name());
		if (parts[0] != null) {
			name.put("givenName", parts[0]);
		}
		if (parts[1] != null) {
			name.put("familyName", parts[1]);
		}
		user.put("displayName", p.name());
		user.put("active", p.status() == PersonStatus.ACTIVE);
		user.put("userType", p.kind() == PersonKind.CONTRACTOR ? "Contractor" : "Employee");
		user.put("preferredLanguage", p.language());
		ObjectNode email = user.putArray("emails").addObject();
		email.put("value", p.email());
		email.put("type", "work");
		email.put("primary", true);
		ObjectNode enterprise = user.putObject(ScimResources.ENTERPRISE);
		if (p.employeeId() != null) {
			enterprise.put("employeeNumber", p.employeeId());
		}
		if (p.department() != null) {
			enterprise.put("department", p.department());
		}
		if (p.managerId() != null) {
			enterprise.putObject("manager").put("value", p.managerId().toString());
		}
		ObjectNode meta = user.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("location", location);
		return user;
	}

	/** The values of a filter's attribute path for a person (see {@link ScimFilter}). */
	static List<Object> values(PersonSummary p, ScimStore.Kept kept, String path) {
		List<Object> values = new ArrayList<>();
		switch (path) {
			case "id" -> values.add(p.id().toString());
			case "username" -> values.add(kept.userName() != null ? kept.userName() : p.email());
			case "emails", "emails.value" -> values.add(p.email());
			case "emails.type" -> values.add("work");
			case "emails.primary" -> values.add(Boolean.TRUE);
			case "externalid" -> values.add(kept.externalId());
			case "displayname", "name.formatted" -> values.add(p.name());
			case "name.givenname" -> values.add(split(p.name())[0]);
			case "name.familyname" -> values.add(split(p.name())[1]);
			case "active" -> values.add(p.active());
			case "usertype" -> values.add(p.kind() == PersonKind.CONTRACTOR ? "Contractor" : "Employee");
			case "employeenumber" -> values.add(p.employeeId());
			case "department" -> values.add(p.department());
			case "manager", "manager.value" -> values.add(p.managerId() == null ? null : p.managerId().toString());
			case "preferredlanguage", "locale" -> values.add(p.language());
			default -> {
			}
		}
		return values;
	}

	/**
	 * A PATCH path or attribute name as compared: lower case, without the URN of its schema, and
	 * without a value filter (Charter keeps one e-mail address, so {@code emails[type eq "work"].value}
	 * is {@code emails.value}).
	 */
	static String path(String rawPath) {
		String p = rawPath.strip();
		int open = p.indexOf('[');
		if (open >= 0) {
			int close = p.indexOf(']', open);
			if (close < 0) {
				throw new ScimException(400, "invalidPath", "Unclosed '[' in " + rawPath);
			}
			p = p.substring(0, open) + p.substring(close + 1);
		}
		if (p.regionMatches(true, 0, ScimResources.USER + ":", 0, ScimResources.USER.length() + 1)) {
			p = p.substring(ScimResources.USER.length() + 1);
		}
		return ScimFilter.normalisedPath(p);
	}

	/** "Ann Peeters": given name "Ann", family name "Peeters"; one word is a given name. */
	static String[] split(String name) {
		if (name == null || name.isBlank()) {
			return new String[] { null, null };
		}
		String n = name.strip();
		int space = n.lastIndexOf(' ');
		return space < 0 ? new String[] { n, null } : new String[] { n.substring(0, space).strip(), n.substring(space + 1) };
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String join(String given, String family) {
		String g = given == null ? "" : given.strip();
		String f = family == null ? "" : family.strip();
		return (g + " " + f).strip();
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isObject() && value.has("value")) {
			return text(value.get("value"));
		}
		if (!value.isValueNode()) {
			throw ScimException.invalidValue("Expected a single value, not " + value.getNodeType());
		}
		return value.asString();
	}

	/** true or false, also as the strings "True" and "False" that Microsoft Entra ID sends. */
	static boolean bool(JsonNode value) {
		if (value != null && value.isBoolean()) {
			return value.booleanValue();
		}
		String t = value == null ? "" : text(value);
		if ("true".equalsIgnoreCase(t)) {
			return true;
		}
		if ("false".equalsIgnoreCase(t)) {
			return false;
		}
		throw ScimException.invalidValue("active is true or false");
	}

	private static String workEmail(JsonNode emails) {
		if (emails == null || emails.isNull()) {
			return null;
		}
		if (!emails.isArray()) {
			return text(emails);
		}
		JsonNode chosen = null;
		for (JsonNode e : emails) {
			if (chosen == null || e.path("primary").asBoolean(false)
					|| ("work".equalsIgnoreCase(e.path("type").asString("")) && !chosen.path("primary").asBoolean(false))) {
				chosen = e;
			}
		}
		return chosen == null ? null : text(chosen.get("value"));
	}

	private static PersonKind kind(JsonNode value) {
		String t = text(value);
		return t != null && t.strip().equalsIgnoreCase("contractor") ? PersonKind.CONTRACTOR : PersonKind.EMPLOYEE;
	}

	/** fr, nl or en from a language tag ("fr-BE", "nl_NL"); anything else is English. */
	private static String language(JsonNode value) {
		String t = text(value);
		String lang = t == null || t.length() < 2 ? "en" : t.substring(0, 2).toLowerCase(Locale.ROOT);
		return switch (lang) {
			case "fr", "nl" -> lang;
			default -> "en";
		};
	}

	private static UUID manager(JsonNode value) {
		String id = text(value);
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException e) {
			throw ScimException.invalidValue("manager.value is the id of a User");
		}
	}

	private static JsonNode objectOf(String attribute, JsonNode value) {
		if (!value.isObject()) {
			throw ScimException.invalidValue(attribute + " is an object");
		}
		return value;
	}
}
