package io.charter.scanner;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The Open Cookie Database (Apache-2.0, shipped in {@code scanner/open-cookie-database.csv}): what
 * a cookie a site does not declare probably is. An exact name wins over a wildcard entry (a prefix),
 * and of wildcards the longest prefix.
 */
final class OpenCookieDatabase {

	/** One entry: the platform, its category as Charter names categories, the description and retention as written. */
	record Entry(String name, boolean prefix, String platform, String category, String description, String retention,
			String controller) {
	}

	private static final OpenCookieDatabase SHIPPED = read("scanner/open-cookie-database.csv");

	private final Map<String, Entry> exact;
	private final List<Entry> prefixes;

	OpenCookieDatabase(List<Entry> entries) {
		Map<String, Entry> names = new HashMap<>();
		List<Entry> wildcards = new ArrayList<>();
		for (Entry e : entries) {
			if (e.prefix()) {
				wildcards.add(e);
			}
			else {
				names.putIfAbsent(e.name(), e);
			}
		}
		wildcards.sort(Comparator.comparingInt((Entry e) -> e.name().length()).reversed());
		this.exact = Map.copyOf(names);
		this.prefixes = List.copyOf(wildcards);
	}

	static OpenCookieDatabase shipped() {
		return SHIPPED;
	}

	Optional<Entry> find(String cookieName) {
		Entry known = exact.get(cookieName);
		if (known != null) {
			return Optional.of(known);
		}
		return prefixes.stream().filter(e -> cookieName.startsWith(e.name())).findFirst();
	}

	int size() {
		return exact.size() + prefixes.size();
	}

	/**
	 * The database's categories as Charter's usual category keys: "Functional" and "Security" cookies
	 * are what a site needs to work.
	 */
	static String category(String ocdCategory) {
		return switch (ocdCategory.strip().toLowerCase(Locale.ROOT)) {
			case "functional", "security", "necessary" -> "necessary";
			case "analytics" -> "analytics";
			case "marketing" -> "marketing";
			case "personalization" -> "preferences";
			default -> "unknown";
		};
	}

	static OpenCookieDatabase read(String resource) {
		try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
			List<Entry> entries = new ArrayList<>();
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				String name = r.get(3).strip();
				if (!name.isEmpty()) {
					entries.add(new Entry(name, "1".equals(r.get(9).strip()), r.get(1).strip(), category(r.get(2)),
							r.get(5).strip(), r.get(6).strip(), r.get(7).strip()));
				}
			}
			return new OpenCookieDatabase(entries);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
