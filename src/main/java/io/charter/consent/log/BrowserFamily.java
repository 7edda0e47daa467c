package io.charter.consent.log;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reduces a User-Agent header to browser family and major version ({@code Chrome 156},
 * {@code Firefox 132}, {@code Safari 17}, {@code Other}): enough to tell how a consent was given,
 * too little to single out a visitor. Order matters: Edge and Opera also say "Chrome", Chrome
 * also says "Safari".
 */
final class BrowserFamily {

	private record Rule(String family, Pattern pattern) {
	}

	private static final List<Rule> RULES = List.of(
			new Rule("Edge", Pattern.compile("\\bEdg(?:e|A|iOS)?/(\\d{1,4})")),
			new Rule("Opera", Pattern.compile("\\b(?:OPR|OPT)/(\\d{1,4})")),
			new Rule("Samsung Internet", Pattern.compile("\\bSamsungBrowser/(\\d{1,4})")),
			new Rule("Firefox", Pattern.compile("\\b(?:Firefox|FxiOS)/(\\d{1,4})")),
			new Rule("Chrome", Pattern.compile("\\b(?:Chrome|CriOS|HeadlessChrome|Chromium)/(\\d{1,4})")),
			new Rule("Safari", Pattern.compile("\\bVersion/(\\d{1,4})(?:\\.\\d+)*(?: Mobile/\\S+)? Safari/")));

	static final String OTHER = "Other";
	/**
	 * Visitors' browsers send few distinct User-Agent strings, and the regular expressions (word
	 * boundaries tried at every position, up to six patterns) cost as much on a consent write as
	 * reading its JSON body; a bounded cache of the answers gives the same answers.
	 */
	private static final Cache<String, String> KNOWN = Caffeine.newBuilder().maximumSize(2_000).build();

	private BrowserFamily() {
	}

	static String of(String userAgent) {
		if (userAgent == null || userAgent.isBlank() || userAgent.length() > 1024) {
			return OTHER;
		}
		return KNOWN.get(userAgent, BrowserFamily::parse);
	}

	private static String parse(String userAgent) {
		for (Rule rule : RULES) {
			Matcher m = rule.pattern().matcher(userAgent);
			if (m.find()) {
				return rule.family() + " " + Integer.parseInt(m.group(1));
			}
		}
		return OTHER;
	}
}
