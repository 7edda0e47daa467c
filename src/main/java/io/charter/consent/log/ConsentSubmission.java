package io.charter.consent.log;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import io.charter.consent.Declaration;

/**
 * The body of {@code POST /c/{site}/consents}, checked field by field against the declaration
 * version it names. Every refusal names the field; nothing here touches the database.
 *
 * <p>Method rules: {@code ACCEPT_ALL} grants every non-necessary category; {@code REFUSE_ALL}
 * refuses every one; {@code CUSTOM} is any combination; {@code GPC} refuses at least the
 * categories marked "refused on GPC" (others as chosen); {@code WITHDRAW} refuses at least one.
 */
record ConsentSubmission(String visitorId, int version, ConsentMethod method, Map<String, Boolean> choices,
		String language, String pageUrl, long age) {

	static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
	static final int MAX_PAGE_URL = 500;
	/**
	 * Oldest choice a (re-)sent record may carry, in seconds. The banner keeps a choice that was not
	 * recorded and sends it again on later page loads; beyond this the log no longer vouches for when
	 * it was made, so it is refused rather than dated by a guess.
	 */
	static final long MAX_AGE = 7 * 24 * 3600;
	/** {@code category:service}: consent to one service of a category, given from its placeholder. */
	static final char SERVICE = ':';
	private static final Set<String> FIELDS = Set.of("visitorId", "version", "method", "choices", "language", "pageUrl",
			"age");

	/** Reads the syntax of each field; the checks against the declaration come in {@link #checkAgainst}. */
	static ConsentSubmission read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ConsentRefused.field("body", "The body must be a JSON object.");
		}
		for (String name : body.propertyNames()) {
			if (!FIELDS.contains(name)) {
				// Never echoed as sent: a name is the client's, and the answer may be shown as HTML.
				throw ConsentRefused.field(safe(name), "Unknown field '" + safe(name) + "'.");
			}
		}
		JsonNode visitor = body.get("visitorId");
		if (visitor == null || !visitor.isString() || !VISITOR_ID.matcher(visitor.stringValue()).matches()) {
			throw ConsentRefused.field("visitorId", "visitorId must be 16 to 64 characters of A-Z, a-z, 0-9, _ and -.");
		}
		JsonNode version = body.get("version");
		if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
			throw ConsentRefused.field("version", "version must be the number of a published declaration version.");
		}
		JsonNode method = body.get("method");
		ConsentMethod parsedMethod = null;
		if (method != null && method.isString()) {
			try {
				parsedMethod = ConsentMethod.valueOf(method.stringValue());
			}
			catch (IllegalArgumentException unknown) {
				// reported below
			}
		}
		if (parsedMethod == null) {
			throw ConsentRefused.field("method", "method must be one of ACCEPT_ALL, REFUSE_ALL, CUSTOM, GPC, WITHDRAW.");
		}
		JsonNode choices = body.get("choices");
		if (choices == null || !choices.isObject()) {
			throw ConsentRefused.field("choices", "choices must be an object of category: true|false.");
		}
		Map<String, Boolean> parsedChoices = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> choice : choices.properties()) {
			if (!choice.getValue().isBoolean()) {
				throw ConsentRefused.field("choices." + safe(choice.getKey()), "Each choice must be true or false.");
			}
			parsedChoices.put(choice.getKey(), choice.getValue().booleanValue());
		}
		JsonNode language = body.get("language");
		if (language == null || !language.isString()) {
			throw ConsentRefused.field("language", "language must be one of the site's languages.");
		}
		JsonNode pageUrl = body.get("pageUrl");
		if (pageUrl != null && !pageUrl.isNull() && !pageUrl.isString()) {
			throw ConsentRefused.field("pageUrl", "pageUrl must be a URL of one of the site's origins.");
		}
		JsonNode age = body.get("age");
		if (age != null && !age.isNull()
				&& (!age.isIntegralNumber() || !age.canConvertToLong() || age.longValue() < 0 || age.longValue() > MAX_AGE)) {
			throw ConsentRefused.field("age", "age must be the seconds since the choice, 0 to " + MAX_AGE + ".");
		}
		return new ConsentSubmission(visitor.stringValue(), version.intValue(), parsedMethod, parsedChoices,
				language.stringValue(), pageUrl == null || pageUrl.isNull() ? null : pageUrl.stringValue(),
				age == null || age.isNull() ? 0 : age.longValue());
	}

	/**
	 * Checks the submission against the version it names and returns the choices to store (the
	 * non-necessary categories in the declaration's order, then the services granted or refused one by
	 * one as {@code category:service}) and the page URL reduced to scheme, host, port and path.
	 */
	Checked checkAgainst(Declaration shown, List<String> allowedOrigins) {
		if (!shown.site().languages().contains(language)) {
			throw ConsentRefused.field("language", "language must be one of " + shown.site().languages() + ".");
		}
		Map<String, Boolean> stored = new LinkedHashMap<>();
		for (Declaration.Category category : shown.categories()) {
			if (!category.necessary()) {
				Boolean granted = choices.get(category.key());
				if (granted == null) {
					throw ConsentRefused.field("choices." + category.key(),
							"choices must name every non-necessary category of version " + version + ".");
				}
				stored.put(category.key(), granted);
			}
		}
		for (Map.Entry<String, Boolean> choice : choices.entrySet()) {
			int colon = choice.getKey().indexOf(SERVICE);
			if (colon >= 0) {
				stored.put(checkedService(shown, choice.getKey(), colon), choice.getValue());
				continue;
			}
			Declaration.Category category = shown.category(choice.getKey());
			if (category == null) {
				throw ConsentRefused.field("choices." + safe(choice.getKey()),
						"Unknown category '" + safe(choice.getKey()) + "' in version " + version + ".");
			}
			if (category.necessary() && !choice.getValue()) {
				throw ConsentRefused.field("choices." + category.key(), "A necessary category cannot be refused.");
			}
		}
		checkMethod(shown, stored);
		return new Checked(stored, reducedPageUrl(allowedOrigins));
	}

	record Checked(Map<String, Boolean> choices, String pageUrl) {
	}

	/** A service's own choice: a service of that version, in that non-necessary category. */
	private String checkedService(Declaration shown, String key, int colon) {
		String category = key.substring(0, colon);
		String service = key.substring(colon + 1);
		Declaration.Category c = shown.category(category);
		boolean known = c != null && !c.necessary() && shown.services() != null && shown.services().stream()
				.anyMatch(s -> s.key().equals(service) && category.equals(s.category()));
		if (!known) {
			throw ConsentRefused.field("choices." + safe(key),
					"Unknown service '" + safe(key) + "' (category:service) in version " + version + ".");
		}
		return key;
	}

	private void checkMethod(Declaration shown, Map<String, Boolean> stored) {
		Map<String, Boolean> categories = new LinkedHashMap<>(stored);
		categories.keySet().removeIf(k -> k.indexOf(SERVICE) >= 0);
		boolean rule = switch (method) {
			case ACCEPT_ALL -> !categories.containsValue(false);
			case REFUSE_ALL -> !categories.containsValue(true);
			case CUSTOM -> true;
			case GPC -> shown.categories().stream().filter(c -> !c.necessary() && c.refuseOnGpc())
					.noneMatch(c -> categories.get(c.key()));
			case WITHDRAW -> categories.containsValue(false);
		};
		if (!rule) {
			throw ConsentRefused.field("method", switch (method) {
				case ACCEPT_ALL -> "ACCEPT_ALL must grant every category.";
				case REFUSE_ALL -> "REFUSE_ALL must refuse every category.";
				case GPC -> "GPC must refuse every category refused on Global Privacy Control.";
				default -> "WITHDRAW must refuse at least one category.";
			});
		}
	}

	private String reducedPageUrl(List<String> allowedOrigins) {
		if (pageUrl == null || pageUrl.isEmpty()) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(pageUrl);
		}
		catch (URISyntaxException e) {
			throw ConsentRefused.field("pageUrl", "pageUrl is not a valid URL.");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw ConsentRefused.field("pageUrl", "pageUrl must be an http(s) URL of one of the site's origins.");
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
		String origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		if (allowedOrigins.stream().noneMatch(o -> o.equalsIgnoreCase(origin))) {
			throw ConsentRefused.field("pageUrl", "pageUrl must belong to one of the site's origins.");
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		String reduced = origin + path;
		if (reduced.length() > MAX_PAGE_URL) {
			throw ConsentRefused.field("pageUrl", "pageUrl is longer than " + MAX_PAGE_URL + " characters without its query.");
		}
		return reduced;
	}

	/** Field names come from the request: keep them short and printable in the answer. */
	private static String safe(String name) {
		String printable = name.replaceAll("[^A-Za-z0-9_.:-]", "?");
		return printable.length() > 50 ? printable.substring(0, 50) : printable;
	}
}
