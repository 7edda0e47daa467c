package io.charter.devices.osquery;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.charter.devices.DeviceEvent.DeviceOwnerSet;
import io.charter.devices.Devices;
import io.charter.devices.DevicesSettings;
import io.charter.people.Directory;
import io.charter.people.PeopleFilter;
import io.charter.people.PersonStatus;
import io.charter.people.PersonSummary;
import io.charter.shared.Actors;
import tools.jackson.databind.JsonNode;

/**
 * A device's owner from the user osquery reports as logged in ({@code logged_in_users}): the person
 * of the directory that user name is, when there is exactly one. Several people are never guessed
 * between: the device stays as it is and SECURITY is shown the candidates. An owner set by hand (or
 * by an MDM export) is never changed.
 */
@Component
class LoggedInOwners {

	/** The distributed query's name and SQL: users at the console first (macOS tty console, Windows active, Linux a display). */
	static final String QUERY_NAME = "charter-user:logged_in_users";
	static final String QUERY = "SELECT user, type, tty FROM logged_in_users WHERE type IN ('user', 'active');";

	/** Accounts that are never a person: the system's own, and macOS's setup assistant. */
	private static final Set<String> SYSTEM_USERS = Set.of("root", "system", "_mbsetupuser", "gdm", "lightdm",
			"administrator", "guest", "defaultaccount");

	/** More candidates than this are not worth showing: the user name says too little. */
	private static final int MAX_CANDIDATES = 20;

	private final Devices devices;
	private final Directory directory;
	private final DevicesSettings settings;
	private final ApplicationEventPublisher events;

	LoggedInOwners(Devices devices, Directory directory, DevicesSettings settings, ApplicationEventPublisher events) {
		this.devices = devices;
		this.directory = directory;
		this.settings = settings;
		this.events = events;
	}

	/** Records the reported users of the device and, when they are exactly one person and osquery may, assigns it. */
	void record(UUID deviceId, JsonNode rows, Instant now) {
		List<String> users = userNames(rows);
		Devices.Ownership ownership = devices.ownership(deviceId).orElseThrow();
		devices.reportedUser(deviceId, users.isEmpty() ? null : String.join(", ", users), now);
		if (!ownership.openToOsquery()) {
			return;
		}
		Set<UUID> people = new LinkedHashSet<>();
		users.forEach(user -> people.addAll(people(user)));
		if (people.size() == 1) {
			UUID person = people.iterator().next();
			if (!person.equals(ownership.ownerId())) {
				devices.owner(deviceId, person, Devices.FROM_OSQUERY);
				events.publishEvent(new DeviceOwnerSet(deviceId, person, "owner set from the user logged in (osquery)",
						Actors.SYSTEM, now));
			}
			devices.candidates(deviceId, List.of());
		}
		else {
			devices.candidates(deviceId, people.size() > MAX_CANDIDATES ? List.of() : people);
		}
	}

	/**
	 * The user names of the rows, without a Windows domain ({@code CORP\jdoe}), lower case, system
	 * accounts left out; the console's users only when there are any.
	 */
	static List<String> userNames(JsonNode rows) {
		Set<String> console = new LinkedHashSet<>();
		Set<String> others = new LinkedHashSet<>();
		for (JsonNode row : rows) {
			String user = row.path("user").asString("").strip();
			int slash = user.lastIndexOf('\\');
			user = (slash >= 0 ? user.substring(slash + 1) : user).toLowerCase(Locale.ROOT);
			if (user.isEmpty() || user.length() > 200 || user.endsWith("$") || SYSTEM_USERS.contains(user)) {
				continue;
			}
			String tty = row.path("tty").asString("");
			boolean atConsole = tty.equals("console") || tty.startsWith(":") || tty.startsWith("seat")
					|| row.path("type").asString("").equals("active");
			(atConsole ? console : others).add(user);
		}
		return List.copyOf(console.isEmpty() ? others : console);
	}

	/** The active people a user name may be: by e-mail address when it is one, else per configured domain, else by the local part. */
	private Set<UUID> people(String user) {
		Set<UUID> found = new LinkedHashSet<>();
		if (user.contains("@")) {
			directory.byEmail(user).filter(PersonSummary::active).ifPresent(p -> found.add(p.id()));
		}
		else if (!settings.userDomains().isEmpty()) {
			for (String domain : settings.userDomains()) {
				directory.byEmail(user + "@" + domain).filter(PersonSummary::active).ifPresent(p -> found.add(p.id()));
			}
		}
		else {
			directory.page(new PeopleFilter(user + "@", null, null, PersonStatus.ACTIVE, false), 0, MAX_CANDIDATES + 1)
					.people().stream().filter(p -> p.email() != null && p.email().startsWith(user + "@"))
					.forEach(p -> found.add(p.id()));
		}
		return found;
	}
}
