package io.charter.consent;

import java.util.List;
import java.util.regex.Pattern;

/** The fixed vocabularies of the catalogue and the checks that are not simple field formats. */
public final class CatalogueRules {

	public static final List<String> LANGUAGES = List.of("fr", "nl", "en");

	public static final String NECESSARY = "necessary";

	/** Google Consent Mode v2 storage types a category may grant. */
	public static final List<String> GCM_TYPES = List.of("analytics_storage", "ad_storage", "ad_user_data",
			"ad_personalization", "functionality_storage", "personalization_storage", "security_storage");

	/** The texts the banner shows, in the order the admin page lists them. */
	public static final List<String> BANNER_KEYS = List.of("title", "body", "acceptAll", "refuseAll", "customise", "save",
			"close", "settings", "declarationLink", "myCookieData", "alwaysOn", "gpcNotice", "placeholder", "placeholderButton",
			"services", "cookies", "retention");

	/**
	 * The name a banner text must keep, or null when it has it or needs none: a blocked embed's
	 * placeholder names its category ({@code {category}}; the banner adds what the category is for),
	 * its button what it allows ({@code {service}}: the embed's service, else its category; or
	 * {@code {category}}). A placeholder that only says "the cookies it uses" hides what consent is given to.
	 */
	public static String missingName(String key, String text) {
		String value = text == null ? "" : text;
		return switch (key) {
			case "placeholder" -> value.contains("{category}") ? null : "{category}";
			case "placeholderButton" -> value.contains("{service}") || value.contains("{category}") ? null : "{service}";
			default -> null;
		};
	}

	public static final int DEFAULT_LIFETIME_DAYS = 182;
	public static final int DEFAULT_WAIT_FOR_UPDATE_MS = 500;

	private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
	private static final Pattern ORIGIN = Pattern.compile("(https?)://([^/:?#@\\s]+)(?::([0-9]{1,5}))?");

	private CatalogueRules() {
	}

	/**
	 * A web origin as a browser sends it: scheme, host and optional port, nothing else. Returns it
	 * in lower case, or null when it is not one.
	 */
	public static String origin(String value) {
		if (value == null) {
			return null;
		}
		String candidate = value.strip().toLowerCase(java.util.Locale.ROOT);
		var m = ORIGIN.matcher(candidate);
		if (!m.matches()) {
			return null;
		}
		String host = m.group(2);
		if (host.length() > 253 || host.startsWith(".") || host.endsWith(".")) {
			return null;
		}
		for (String label : host.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return null;
			}
		}
		if (m.group(3) != null) {
			int port = Integer.parseInt(m.group(3));
			if (port < 1 || port > 65535) {
				return null;
			}
		}
		return candidate;
	}

	public static boolean isLanguage(String language) {
		return language != null && LANGUAGES.contains(language);
	}
}
