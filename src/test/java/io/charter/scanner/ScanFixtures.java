package io.charter.scanner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.charter.consent.Declaration;

/** A small published catalogue: necessary (session), analytics (_ga 730 days, _ga_* pattern). */
final class ScanFixtures {

	static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	private ScanFixtures() {
	}

	static Declaration.Cookie cookie(String name, Integer days) {
		return new Declaration.Cookie(name, name.endsWith("*"), null, false, days, Map.of(), Map.of(), false, null);
	}

	static Declaration declaration(List<String> origins, Declaration.Cookie... analytics) {
		var site = new Declaration.Site("Test", origins, List.of("en"), "en", 182, 90, 500, List.of());
		var categories = List.of(
				new Declaration.Category("necessary", true, false, List.of(), Map.of("en", "Necessary"), Map.of()),
				new Declaration.Category("analytics", false, false, List.of(), Map.of("en", "Analytics"), Map.of()));
		var services = List.of(
				new Declaration.Service("site", "Site", "Us", "necessary", false, null, Map.of(),
						List.of(cookie("session_id", null), cookie("charter_consent", 182))),
				new Declaration.Service("ga", "Google Analytics", "Google", "analytics", false, null, Map.of(),
						List.of(analytics)));
		return new Declaration("test", 1, NOW, true, 1, site, categories, services, Map.of(), Map.of());
	}
}
