package io.charter.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.charter.shared.NavigationEntry;
import io.charter.shared.Role;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * What every page template needs besides its own data: translations in the visitor's language,
 * dates, times and durations as people read them (in that language and the organisation's time
 * zone), who is signed in and with which roles, the CSRF field, and the navigation for those roles.
 */
public final class Ui {

	public record NavItem(String href, String label, boolean current) {
	}

	private final MessageSource messages;
	private final Locale locale;
	private final ZoneId zone;
	private final String userName;
	private final Set<Role> roles;
	private final List<NavigationEntry> navigation;
	private final String csrfParameter;
	private final String csrfToken;
	private final String path;
	private final String query;

	Ui(MessageSource messages, Locale locale, ZoneId zone, String userName, Set<Role> roles,
			List<NavigationEntry> navigation, String csrfParameter, String csrfToken, String path, String query) {
		this.messages = messages;
		this.locale = locale;
		this.zone = zone;
		this.userName = userName;
		this.roles = roles;
		this.navigation = navigation;
		this.csrfParameter = csrfParameter;
		this.csrfToken = csrfToken;
		this.path = path == null ? "" : path;
		this.query = query == null ? "" : query;
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

	/**
	 * A state or outcome as a word: the text of {@code prefix.value} (lower case, {@code _} as
	 * {@code -}); a value no bundle knows (a connected system's own status) reads in lower case
	 * rather than as a key.
	 */
	public String word(String prefix, Object value) {
		if (value == null) {
			return "";
		}
		String raw = value.toString();
		String key = prefix + "." + raw.toLowerCase(Locale.ROOT).replace('_', '-');
		String text = t(key);
		return text.equals(key) ? raw.toLowerCase(Locale.ROOT).replace('_', ' ') : text;
	}

	/** A role as a word in the page's language ("Privacy team"), from the shell's {@code role.<ROLE>}. */
	public String role(Role role) {
		return role == null ? "" : t("role." + role.name());
	}

	/** Roles as words, in the enum's order (the order the forms list them), joined by commas. */
	public String roles(Collection<Role> held) {
		return held == null ? "" : held.stream().sorted().map(this::role).collect(Collectors.joining(", "));
	}

	/** A day as people write it in the page's language: "7 December 2026", "7 décembre 2026". */
	public String date(LocalDate day) {
		return date(day, locale);
	}

	/** A day as {@link #date(LocalDate)} writes it, in a language: also for texts outside pages. */
	static String date(LocalDate day, Locale locale) {
		return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formats(locale)).format(day);
	}

	/** The day of a moment in the organisation's time zone. */
	public String date(Instant at) {
		return at == null ? "" : date(LocalDate.ofInstant(at, zone));
	}

	/** A moment in the organisation's time zone, to the minute: "7 December 2026, 14:05". */
	public String dateTime(Instant at) {
		return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
				.withLocale(formats()).format(at.atZone(zone));
	}

	/**
	 * A length of time in words, in its largest whole unit so nothing is rounded away: "5 years"
	 * (whole multiples of 365 days), "182 days", "1 hour", "90 minutes".
	 */
	public String duration(Duration length) {
		if (length == null) {
			return "";
		}
		long seconds = length.getSeconds();
		long days = length.toDays();
		if (seconds % 86_400 == 0 && days != 0) {
			return days % 365 == 0 ? t("time.years", days / 365) : t("time.days", days);
		}
		if (seconds % 3_600 == 0 && seconds != 0) {
			return t("time.hours", length.toHours());
		}
		return seconds % 60 == 0 ? t("time.minutes", length.toMinutes()) : t("time.seconds", seconds);
	}

	/** A period in words, each part in its own unit: "5 years", "1 year, 6 months", "182 days". */
	public String duration(Period length) {
		if (length == null) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		if (length.getYears() != 0) {
			parts.add(t("time.years", length.getYears()));
		}
		if (length.getMonths() != 0) {
			parts.add(t("time.months", length.getMonths()));
		}
		if (length.getDays() != 0 || parts.isEmpty()) {
			parts.add(t("time.days", length.getDays()));
		}
		return String.join(", ", parts);
	}

	/** A message argument as people read it: days, moments and lengths of time in words; anything else as it is. */
	Object readable(Object argument) {
		if (argument instanceof LocalDate day) {
			return date(day);
		}
		if (argument instanceof Instant at) {
			return dateTime(at);
		}
		if (argument instanceof Duration length) {
			return duration(length);
		}
		return argument instanceof Period length ? duration(length) : argument;
	}

	/**
	 * The conventions dates follow: English as written in Europe (day before month, 24-hour
	 * clock), French and Dutch as in Belgium.
	 */
	private Locale formats() {
		return formats(locale);
	}

	private static Locale formats(Locale locale) {
		return switch (locale.getLanguage()) {
			case "en" -> Locale.UK;
			case "fr", "nl" -> Locale.forLanguageTag(locale.getLanguage() + "-BE");
			default -> locale;
		};
	}

	/**
	 * This page in another language: the same path and query with only {@code lang} replaced, so
	 * a setup token or a filter survives the switch. Always a path on this site: leading slashes
	 * are collapsed so that the link can never name another host.
	 */
	public String languageLink(String language) {
		StringBuilder link = new StringBuilder(path.isEmpty() ? "" : "/" + path.replaceFirst("^/+", ""));
		link.append('?');
		for (String pair : query.split("&")) {
			if (!pair.isEmpty() && !isLanguage(pair)) {
				link.append(pair).append('&');
			}
		}
		return link.append("lang=").append(URLEncoder.encode(language, StandardCharsets.UTF_8)).toString();
	}

	private static boolean isLanguage(String pair) {
		try {
			return URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8).equals("lang");
		}
		catch (IllegalArgumentException malformed) {
			return false;
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
