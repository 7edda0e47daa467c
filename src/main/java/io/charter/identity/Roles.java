package io.charter.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.charter.shared.Role;

/** Roles as identity stores them: a comma-separated list of names. */
public final class Roles {

	private Roles() {
	}

	public static Set<Role> parse(String csv) {
		if (csv == null || csv.isBlank()) {
			return EnumSet.noneOf(Role.class);
		}
		return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public static String format(Collection<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}
}
