package io.charter.scanner;

import java.util.List;
import java.util.Optional;

import io.charter.consent.Declaration;

/**
 * What a cookie seen by a scan is: the site's published catalogue first, then the Open Cookie
 * Database, else unknown. An unknown cookie is never taken for a necessary one.
 *
 * @param source {@code catalogue}, {@code open-cookie-database} or {@code unknown}
 * @param category the category key (the site's own when declared), {@code unknown} when not known
 * @param declared the catalogue's cookie, or null when the site does not declare it
 * @param purpose the suggested purpose (the database's description), or null
 */
record Classification(String source, String category, boolean necessary, Declaration.Cookie declared,
		String purpose, String platform) {

	static final String CATALOGUE = "catalogue";
	static final String DATABASE = "open-cookie-database";
	static final String UNKNOWN = "unknown";

	/** Classifies cookies (or storage keys) of one site. */
	static final class Classifier {

		private final Declaration declaration;
		private final OpenCookieDatabase database;

		Classifier(Declaration declaration, OpenCookieDatabase database) {
			this.declaration = declaration;
			this.database = database;
		}

		Classification of(String name) {
			Optional<Match> declared = declared(name);
			if (declared.isPresent()) {
				Declaration.Category category = declaration.category(declared.get().service().category());
				return new Classification(CATALOGUE, declared.get().service().category(),
						category != null && category.necessary(), declared.get().cookie(), null, declared.get().service().name());
			}
			return database.find(name)
					.map(e -> new Classification(DATABASE, e.category(), e.category().equals("necessary"), null,
							e.description(), e.platform()))
					.orElse(new Classification(UNKNOWN, UNKNOWN, false, null, null, null));
		}

		private record Match(Declaration.Service service, Declaration.Cookie cookie) {
		}

		/** An exact name first, then the longest pattern ({@code _ga_*}) that covers it. */
		private Optional<Match> declared(String name) {
			if (declaration == null) {
				return Optional.empty();
			}
			List<Match> all = declaration.services().stream()
					.flatMap(s -> s.cookies().stream().map(c -> new Match(s, c))).toList();
			return all.stream().filter(m -> !m.cookie().pattern() && m.cookie().name().equals(name)).findFirst()
					.or(() -> all.stream().filter(m -> m.cookie().pattern() && covers(m.cookie().name(), name))
							.max(java.util.Comparator.comparingInt(m -> m.cookie().name().length())));
		}

		static boolean covers(String pattern, String name) {
			String prefix = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
			return name.startsWith(prefix);
		}
	}
}
