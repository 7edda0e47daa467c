package io.charter.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.charter.shared.NavigationEntry;
import io.charter.shared.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * What every page template needs besides its own data: translations in the visitor's language,
 * who is signed in and with which roles, the CSRF field, and the navigation for those roles.
 */
public final class Ui {

	public record NavItem(String href, String label, boolean current) {
	}

	private final MessageSource messages;
	private final Locale locale;
	private final String userName;
	private final Set<Role> roles;
	private final List<NavigationEntry> navigation;
	private final String csrfParameter;
	private final String csrfToken;
	private final String path;

	Ui(MessageSource messages, Locale locale, String userName, Set<Role> roles, List<NavigationEntry> navigation,
			String csrfParameter, String csrfToken, String path) {
		this.messages = messages;
		this.locale = locale;
		this.userName = userName;
		this.roles = roles;
		this.navigation = navigation;
		this.csrfParameter = csrfParameter;
		this.csrfToken = csrfToken;
		this.path = path == null ? "" : path;
	}

	/** The text for a key in the page's language; the key itself when it is missing, so a gap is visible. */
	public String t(String key, Object... args) {
		try {
			return messages.getMessage(key, args, locale);
		}
		catch (NoSuchMessageException e) {
			return key;
		}
	}

	public String lang() {
		return locale.getLanguage();
	}

	public boolean signedIn() {
		return userName != null;
	}

	public String userName() {
		return userName;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** The roles the user holds. */
	Set<Role> roles() {
		return Set.copyOf(roles);
	}

	public boolean hasAny(Role... anyOf) {
		for (Role role : anyOf) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	public String csrfParameter() {
		return csrfParameter;
	}

	public String csrfToken() {
		return csrfToken;
	}

	public String path() {
		return path;
	}

	/** Navigation: the entries the modules contribute, each shown only to the roles that may use it. */
	public List<NavItem> nav() {
		return navigation.stream().filter(entry -> entry.visibleTo(roles)).map(this::item).toList();
	}

	private NavItem item(NavigationEntry entry) {
		String href = entry.path();
		boolean current = href.equals("/") ? path.equals("/") : path.startsWith(href);
		return new NavItem(href, t(entry.labelKey()), current);
	}
}
