package io.charter.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

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
	private final Set<String> roles;
	private final String csrfParameter;
	private final String csrfToken;
	private final String path;

	Ui(MessageSource messages, Locale locale, String userName, Set<String> roles, String csrfParameter,
			String csrfToken, String path) {
		this.messages = messages;
		this.locale = locale;
		this.userName = userName;
		this.roles = roles;
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

	public boolean has(String role) {
		return roles.contains(role);
	}

	public boolean hasAny(String... anyOf) {
		for (String role : anyOf) {
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

	/** Navigation: each entry is shown only to the roles that may use it. */
	public List<NavItem> nav() {
		List<NavItem> items = new java.util.ArrayList<>();
		items.add(item("/", "nav.dashboard"));
		if (hasAny("ADMIN", "AUDITOR")) {
			items.add(item("/admin/users", "nav.users"));
			items.add(item("/audit", "nav.audit"));
			items.add(item("/admin/outbox", "nav.outbox"));
		}
		if (hasAny("PRIVACY", "ADMIN", "AUDITOR")) {
			items.add(item("/consent", "nav.consent"));
		}
		if (hasAny("PRIVACY", "ADMIN", "AUDITOR")) {
			items.add(item("/rights", "nav.rights"));
		}
		items.add(item("/tokens", "nav.tokens"));
		items.add(item("/profile", "nav.profile"));
		return items;
	}

	private NavItem item(String href, String key) {
		boolean current = href.equals("/") ? path.equals("/") : path.startsWith(href);
		return new NavItem(href, t(key), current);
	}
}
