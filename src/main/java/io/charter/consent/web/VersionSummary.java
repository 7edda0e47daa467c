package io.charter.consent.web;

import java.time.Instant;
import java.util.Map;

/** One published declaration version, for the versions list. */
public record VersionSummary(int version, Instant publishedAt, String publishedBy, boolean material,
		int materialVersion, Map<String, String> summary) {
}
