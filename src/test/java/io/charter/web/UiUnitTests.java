package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import io.charter.shared.NavigationEntry;
import io.charter.shared.Role;

/** The navigation is what the modules contribute, shown to the roles each entry names. */
class UiUnitTests {

	static final List<NavigationEntry> CONTRIBUTED = List.of(NavigationEntry.of("/", "nav.dashboard", 0),
			NavigationEntry.of("/audit", "nav.audit", 20, Role.ADMIN, Role.AUDITOR),
			NavigationEntry.of("/rights", "nav.rights", 110, Role.PRIVACY, Role.ADMIN),
			NavigationEntry.of("/profile", "nav.profile", 910));

	Ui ui(Set<Role> roles, String path) {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("nav.rights", Locale.ENGLISH, "Data-subject requests");
		return new Ui(messages, Locale.ENGLISH, ZoneId.of("Europe/Brussels"), "Pat", roles, CONTRIBUTED, "_csrf", "token",
				path, null);
	}

	@Test
	void showsEachEntryToTheRolesItNames() {
		assertThat(ui(EnumSet.of(Role.PRIVACY), "/").nav()).extracting(Ui.NavItem::href)
				.containsExactly("/", "/rights", "/profile");
		assertThat(ui(EnumSet.of(Role.AUDITOR), "/").nav()).extracting(Ui.NavItem::href)
				.containsExactly("/", "/audit", "/profile");
		assertThat(ui(EnumSet.of(Role.EMPLOYEE), "/").nav()).extracting(Ui.NavItem::href)
				.containsExactly("/", "/profile");
	}

	@Test
	void marksTheCurrentEntryAndTranslatesItsLabel() {
		List<Ui.NavItem> nav = ui(EnumSet.of(Role.ADMIN), "/rights/requests/42").nav();
		assertThat(nav).filteredOn(Ui.NavItem::current).extracting(Ui.NavItem::href).containsExactly("/rights");
		assertThat(nav).filteredOn(item -> item.href().equals("/rights")).extracting(Ui.NavItem::label)
				.containsExactly("Data-subject requests");
	}

	@Test
	void rolesAreTyped() {
		Ui privacy = ui(EnumSet.of(Role.PRIVACY), "/");
		assertThat(privacy.has(Role.PRIVACY)).isTrue();
		assertThat(privacy.has(Role.ADMIN)).isFalse();
		assertThat(privacy.hasAny(Role.ADMIN, Role.PRIVACY)).isTrue();
	}
}
