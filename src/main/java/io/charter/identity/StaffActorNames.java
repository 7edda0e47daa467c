package io.charter.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.charter.shared.ActorNames;

/**
 * Staff accounts by name for the audit page: {@code user:<uuid>} and an API call's
 * {@code user:<uuid>/token:<uuid>} read as the account's name and address. An erased account has
 * none left to show, so it stays a pseudonymous id.
 */
@Component
class StaffActorNames implements ActorNames {

	private static final Pattern USER = Pattern.compile("^user:([0-9a-fA-F-]{36})(?:/token:[0-9a-fA-F-]{36})?$");

	private final Users users;

	StaffActorNames(Users users) {
		this.users = users;
	}

	@Override
	public Map<String, String> names(Collection<String> actorIds) {
		Map<String, String> names = new HashMap<>();
		Map<UUID, Optional<UserSummary>> accounts = new HashMap<>();
		for (String actor : actorIds) {
			Matcher user = actor == null ? null : USER.matcher(actor);
			if (user != null && user.matches()) {
				uuid(user.group(1))
					.flatMap(id -> accounts.computeIfAbsent(id, this::account))
					.filter(account -> !account.erased())
					.ifPresent(account -> names.put(actor, account.displayName() + " (" + account.email() + ")"));
			}
		}
		return names;
	}

	private Optional<UserSummary> account(UUID id) {
		return users.findById(id).map(UserAccount::summary);
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}
}
