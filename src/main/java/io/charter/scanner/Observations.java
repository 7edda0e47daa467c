package io.charter.scanner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a scan saw, per visit: the first page where each cookie, storage key and third-party host appeared. */
final class Observations {

	/** The three visits of every page. */
	enum Visit {
		NO_CHOICE, ACCEPTED, REFUSED
	}

	/**
	 * @param expires null for a session cookie
	 * @param byHeader set by a {@code Set-Cookie} header (else by script)
	 */
	record SeenCookie(Visit visit, String name, String domain, String path, Instant expires, Instant seenAt,
			boolean thirdParty, boolean byHeader, String page) {
	}

	record SeenStorage(Visit visit, String origin, String key, String page) {
	}

	record SeenHost(Visit visit, String host, String page, String url) {
	}

	private final Map<String, SeenCookie> cookies = new LinkedHashMap<>();
	private final Map<String, SeenStorage> storage = new LinkedHashMap<>();
	private final Map<String, SeenHost> hosts = new LinkedHashMap<>();
	private final List<String> pages = new ArrayList<>();
	private final List<String> skipped = new ArrayList<>();

	synchronized void cookie(SeenCookie c) {
		cookies.putIfAbsent(c.visit() + "|" + c.name() + "|" + c.domain() + "|" + c.path(), c);
	}

	synchronized void storage(SeenStorage s) {
		storage.putIfAbsent(s.visit() + "|" + s.origin() + "|" + s.key(), s);
	}

	synchronized void host(SeenHost h) {
		hosts.putIfAbsent(h.visit() + "|" + h.host(), h);
	}

	synchronized void page(String url) {
		if (!pages.contains(url)) {
			pages.add(url);
		}
	}

	synchronized void skipped(String why) {
		skipped.add(why);
	}

	synchronized List<SeenCookie> cookies() {
		return List.copyOf(cookies.values());
	}

	synchronized List<SeenStorage> storage() {
		return List.copyOf(storage.values());
	}

	synchronized List<SeenHost> hosts() {
		return List.copyOf(hosts.values());
	}

	synchronized List<String> pages() {
		return Collections.unmodifiableList(new ArrayList<>(pages));
	}

	synchronized List<String> skipped() {
		return List.copyOf(skipped);
	}
}
