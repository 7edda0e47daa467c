package io.charter.consent.log;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One consent as recorded: the proof that a visitor made a choice. Who: the random visitor id of
 * the banner cookie. When: {@code recordedAt}. What was shown: the site's declaration version
 * (its snapshot holds the banner texts and the whole catalogue). How: method and choices. Never
 * changed once written; deleted only by the retention purge.
 *
 * @param choices the non-necessary categories of that version, in the declaration's order
 * @param pageUrl the page where the choice was made, without query string and fragment; may be null
 * @param sourceHash HMAC-SHA256 of the truncated client address (never the address itself)
 * @param browser browser family and major version, e.g. {@code Firefox 132}, or {@code Other}
 * @param recordedAt when Charter accepted the record
 * @param chosenAt when the visitor chose: earlier than {@code recordedAt} when the banner sent the
 *        record again after a failure (the banner says how long ago, bounded by {@link ConsentSubmission#MAX_AGE})
 */
public record ConsentRecord(UUID id, UUID siteId, String siteKey, String visitorId, int version, ConsentMethod method,
		Map<String, Boolean> choices, String language, String pageUrl, String sourceHash, String browser,
		Instant recordedAt, Instant chosenAt) {

	/** A record sent at the moment of the choice. */
	ConsentRecord(UUID id, UUID siteId, String siteKey, String visitorId, int version, ConsentMethod method,
			Map<String, Boolean> choices, String language, String pageUrl, String sourceHash, String browser,
			Instant recordedAt) {
		this(id, siteId, siteKey, visitorId, version, method, choices, language, pageUrl, sourceHash, browser, recordedAt,
				recordedAt);
	}

	/** Length of the {@code choices} column. */
	static final int MAX_CHOICES = 1000;

	/** The stored form of the choices: {@code analytics=1,tracking=0}. */
	public String choicesText() {
		StringBuilder out = new StringBuilder();
		choices.forEach((key, granted) -> out.append(out.isEmpty() ? "" : ",").append(key).append('=')
				.append(granted ? '1' : '0'));
		return out.toString();
	}

	public static Map<String, Boolean> parseChoices(String text) {
		Map<String, Boolean> choices = new LinkedHashMap<>();
		if (text != null && !text.isEmpty()) {
			for (String pair : text.split(",")) {
				int eq = pair.indexOf('=');
				choices.put(pair.substring(0, eq), pair.substring(eq + 1).equals("1"));
			}
		}
		return choices;
	}
}
