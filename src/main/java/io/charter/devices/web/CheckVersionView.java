package io.charter.devices.web;

import java.time.Instant;

/**
 * One version of a check: its clause, its query per platform (null where it has none), whether it
 * is asked at all, and its title and how to fix it per language (null keeps the text shipped with Charter).
 */
public record CheckVersionView(String checkId, int version, String clause, String queryDarwin, String queryWindows,
		String queryLinux, boolean enabled, String fixEn, String fixFr, String fixNl, String titleEn, String titleFr,
		String titleNl, Instant changedAt, String changedBy) {

	/** The title in a language (en, fr, nl), null when the shipped title stands. */
	public String title(String language) {
		return switch (language) {
			case "fr" -> titleFr;
			case "nl" -> titleNl;
			default -> titleEn;
		};
	}

	/** The query for a platform (darwin, windows, linux), null when the check has none there. */
	public String query(String platform) {
		return switch (platform) {
			case "darwin" -> queryDarwin;
			case "windows" -> queryWindows;
			case "linux" -> queryLinux;
			default -> null;
		};
	}

	/** How to fix it in a language (en, fr, nl), null when the shipped text stands. */
	public String fix(String language) {
		return switch (language) {
			case "fr" -> fixFr;
			case "nl" -> fixNl;
			default -> fixEn;
		};
	}
}
