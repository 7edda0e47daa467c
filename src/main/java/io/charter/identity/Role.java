package io.charter.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user may do. A user may hold several roles; {@link #AUDITOR} reads everything and changes nothing. */
public enum Role {
	ADMIN, SECURITY, PRIVACY, RECEPTION, EMPLOYEE, AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

	static Set<Role> parse(String csv) {
		if (csv == null || csv.isBlank()) {
			return EnumSet.noneOf(Role.class);
		}
		return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	static String format(Collection<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}
}
