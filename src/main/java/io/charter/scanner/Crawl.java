package io.charter.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.charter.scanner.Observations.SeenCookie;
import io.charter.scanner.Observations.SeenHost;
import io.charter.scanner.Observations.SeenStorage;
import io.charter.scanner.Observations.Visit;

/**
 * One scan's visits of a site: its pages (from its sitemap, else by following its links within the
 * allowed origins), each seen three times in a fresh browser state: with no choice made, after
 * "accept all" and after "refuse all" in Charter's banner. Only the site's allowed origins are
 * visited; the requests its pages make elsewhere are recorded, not followed.
 */
final class Crawl {

	/** Where a scan stands, asked between pages: the scan stops when cancelled. */
	interface Progress {

		void pages(int done, int planned);

		boolean cancelled();
	}

	/** The banner's first layer: its buttons "accept all", "refuse all", "customise", in that order, in every language. */
	static final String CHOOSE = """
			const root = document.querySelector('charter-consent');
			const buttons = root && root.shadowRoot && root.shadowRoot.querySelectorAll('.cb .bs .b');
			if (!buttons || buttons.length < 2) return false;
			buttons[arguments[0]].click();
			return true;""";

	static final String CHOSEN = "return !!(window.Charter && window.Charter.consent());";

	private static final Pattern LOC = Pattern.compile("<loc>\\s*([^<\\s]+)\\s*</loc>");

	private final ScannerSettings settings;
	private final List<URI> origins;
	private final Set<String> ignoredHosts;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();
	private long deadline;

	/**
	 * @param ignoredHosts hosts not reported as third parties: Charter's own, which serves the banner
	 */
	Crawl(ScannerSettings settings, Collection<String> origins, Collection<String> ignoredHosts, Clock clock) {
		if (origins.isEmpty()) {
			throw new ScanRefused("the site has no allowed origin");
		}
		this.settings = settings;
		this.origins = origins.stream().map(o -> URI.create(o.endsWith("/") ? o : o + "/")).toList();
		this.ignoredHosts = Set.copyOf(ignoredHosts);
		this.clock = clock;
	}

	Observations run(Browser browser, Progress progress) {
		deadline = System.nanoTime() + settings.maxDuration().toNanos();
		for (URI origin : origins) {
			try {
				browser.egress().check(origin.getHost(), origin.getPort() != -1 ? origin.getPort()
						: "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80);
			}
			catch (Egress.Refused refused) {
				throw new ScanRefused("the scan may not reach " + refused.getMessage());
			}
		}
		browser.guardNavigations(this::allowed);
		Observations seen = new Observations();
		List<String> pages = fromSitemap(browser.egress());
		boolean discover = pages.isEmpty();
		if (discover) {
			pages = new ArrayList<>(List.of(origins.get(0).toString()));
		}
		int planned = discover ? settings.maxPages() : pages.size();
		int done = 0;
		progress.pages(done, planned * 3);
		Set<String> queued = new HashSet<>(pages);
		Deque<String> queue = new ArrayDeque<>(pages);
		List<String> visited = new ArrayList<>();
		fresh(browser);
		while (!queue.isEmpty() && visited.size() < settings.maxPages()) {
			String page = queue.poll();
			List<String> links = visit(browser, seen, Visit.NO_CHOICE, page, new HashSet<>(), progress);
			visited.add(page);
			progress.pages(++done, discover ? Math.max(done, Math.min(settings.maxPages(), queued.size())) * 3 : planned * 3);
			if (discover) {
				for (String link : links) {
					if (queued.size() < settings.maxPages() && queued.add(link)) {
						queue.add(link);
					}
				}
			}
		}
		for (Visit visit : List.of(Visit.ACCEPTED, Visit.REFUSED)) {
			fresh(browser);
			Set<String> byHeader = new HashSet<>();
			if (!choose(browser, visited.get(0), visit, byHeader, seen)) {
				seen.skipped("banner-missing " + visited.get(0));
				done += visited.size();
				continue;
			}
			for (String page : visited) {
				visit(browser, seen, visit, page, byHeader, progress);
				progress.pages(++done, visited.size() * 3);
			}
		}
		return seen;
	}

	/** Forgets the last visitor: cookies, storage and cache of every allowed origin. */
	private void fresh(Browser browser) {
		browser.cdp("Network.clearBrowserCookies", Map.of());
		browser.cdp("Network.clearBrowserCache", Map.of());
		for (URI origin : origins) {
			browser.cdp("Storage.clearDataForOrigin", Map.of("origin", origin(origin), "storageTypes", "all"));
		}
		browser.events();
	}

	private boolean choose(Browser browser, String firstPage, Visit visit, Set<String> byHeader, Observations seen) {
		if (!load(browser, firstPage, seen)) {
			return false;
		}
		int button = visit == Visit.ACCEPTED ? 0 : 1;
		if (!waitFor(() -> Boolean.TRUE.equals(browser.script(CHOOSE, button)))) {
			return false;
		}
		waitFor(() -> Boolean.TRUE.equals(browser.script(CHOSEN)));
		// What the page did before the choice belongs to the visit without one; the headers still tell who set a cookie.
		events(browser.events(), visit, firstPage, byHeader, null);
		return true;
	}

	private List<String> visit(Browser browser, Observations seen, Visit visit, String page, Set<String> byHeader,
			Progress progress) {
		if (progress.cancelled() || System.nanoTime() - deadline > 0) {
			throw new ScanStopped();
		}
		if (!load(browser, page, seen)) {
			return List.of();
		}
		long size = ((Number) browser.script("return document.documentElement.outerHTML.length;")).longValue();
		if (size > settings.maxPageSize().toBytes()) {
			seen.skipped("too-large " + page);
			browser.events();
			return List.of();
		}
		seen.page(page);
		// Gives the page's own timers a moment: trackers often write their cookies just after load.
		pause(400);
		events(browser.events(), visit, page, byHeader, seen);
		cookies(browser, visit, page, byHeader, seen);
		@SuppressWarnings("unchecked")
		List<String> keys = (List<String>) browser.script("return Object.keys(window.localStorage);");
		String origin = (String) browser.script("return location.origin;");
		keys.forEach(k -> seen.storage(new SeenStorage(visit, origin, k, page)));
		@SuppressWarnings("unchecked")
		List<String> hrefs = (List<String>) browser.script(
				"return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
		return hrefs.stream().map(Crawl::withoutFragment).filter(this::allowed).distinct().toList();
	}

	/**
	 * Loads the page through the scan's proxy, with a fresh download budget. A page that passed its
	 * budget, or that ended (redirected) outside the allowed origins, is not examined.
	 */
	private boolean load(Browser browser, String page, Observations seen) {
		try {
			browser.egress().newPage();
			browser.driver().get(page);
			if (refusedNavigation(browser, page, seen)) {
				return false;
			}
			if (browser.egress().overBudget()) {
				seen.skipped("too-large " + page);
				browser.events();
				return false;
			}
			String landed = browser.driver().getCurrentUrl();
			if (!allowed(landed)) {
				seen.skipped("left-site " + page + " -> " + landed);
				browser.driver().get("about:blank");
				browser.events();
				return false;
			}
			return true;
		}
		catch (TimeoutException slow) {
			seen.skipped("timeout " + page);
			return false;
		}
		catch (WebDriverException failed) {
			if (browser.driver() == null) {
				throw new ScanStopped();
			}
			if (refusedNavigation(browser, page, seen)) {
				return false;
			}
			seen.skipped("unreachable " + page);
			return false;
		}
	}

	/** The page tried to send the browser off the site, and was stopped before that request left. */
	private static boolean refusedNavigation(Browser browser, String page, Observations seen) {
		List<String> refused = browser.refusedNavigations();
		if (refused.isEmpty()) {
			return false;
		}
		seen.skipped("refused-navigation " + page + " -> " + refused.get(0));
		browser.driver().get("about:blank");
		browser.events();
		return true;
	}

	/** Reads the DevTools network events: who sets cookies by header, and which other hosts were contacted. */
	private void events(List<String> messages, Visit visit, String page, Set<String> byHeader, Observations seen) {
		Map<String, String> urls = new HashMap<>();
		for (String message : messages) {
			JsonNode event = json.readTree(message).path("message");
			String method = event.path("method").asString("");
			JsonNode params = event.path("params");
			if (method.equals("Network.requestWillBeSent")) {
				String url = params.path("request").path("url").asString("");
				urls.put(params.path("requestId").asString(""), url);
				if (seen != null && (url.startsWith("http:") || url.startsWith("https:"))) {
					String host = URI.create(url.replace(" ", "%20")).getHost();
					if (host != null && thirdParty(host)) {
						seen.host(new SeenHost(visit, host, page, url));
					}
				}
			}
			else if (method.equals("Network.responseReceivedExtraInfo")) {
				params.path("headers").properties().forEach(h -> {
					if (h.getKey().equalsIgnoreCase("set-cookie")) {
						for (String line : h.getValue().asString("").split("\n")) {
							int eq = line.indexOf('=');
							if (eq > 0) {
								byHeader.add(line.substring(0, eq).trim());
							}
						}
					}
				});
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void cookies(Browser browser, Visit visit, String page, Set<String> byHeader, Observations seen) {
		Instant now = clock.instant();
		List<Map<String, Object>> jar = (List<Map<String, Object>>) browser.cdp("Network.getAllCookies", Map.of())
				.get("cookies");
		for (Map<String, Object> c : jar) {
			String name = (String) c.get("name");
			String domain = (String) c.get("domain");
			double expires = ((Number) c.getOrDefault("expires", -1)).doubleValue();
			boolean session = Boolean.TRUE.equals(c.get("session")) || expires <= 0;
			seen.cookie(new SeenCookie(visit, name, domain, (String) c.get("path"),
					session ? null : Instant.ofEpochMilli((long) (expires * 1000)), now,
					thirdParty(domain.startsWith(".") ? domain.substring(1) : domain), byHeader.contains(name), page));
		}
	}

	/** Not one of the site's hosts nor a parent domain of one, nor Charter's own. */
	boolean thirdParty(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (ignoredHosts.contains(h)) {
			return false;
		}
		return origins.stream().map(URI::getHost).map(o -> o.toLowerCase(Locale.ROOT))
				.noneMatch(o -> o.equals(h) || o.endsWith("." + h));
	}

	boolean allowed(String url) {
		try {
			URI u = URI.create(url);
			return origins.stream().anyMatch(o -> origin(o).equals(origin(u)));
		}
		catch (IllegalArgumentException notAUrl) {
			return false;
		}
	}

	private static String origin(URI u) {
		String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
		int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
		return scheme + "://" + (u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
	}

	private static String withoutFragment(String url) {
		int hash = url.indexOf('#');
		return hash < 0 ? url : url.substring(0, hash);
	}

	/** The pages the first origin's sitemap.xml lists within the allowed origins; empty without one. */
	List<String> fromSitemap(Egress egress) {
		URI sitemap = origins.get(0).resolve("/sitemap.xml");
		// Through the scan's proxy too: it checks the address it connects to, as for the browser.
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(settings.pageTimeout())
					.proxy(java.net.ProxySelector.of(egress.address())).followRedirects(HttpClient.Redirect.NEVER).build();
			HttpResponse<InputStream> response = http.send(
					HttpRequest.newBuilder(sitemap).timeout(settings.pageTimeout()).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					return List.of();
				}
				byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxPageSize().toBytes()));
				Matcher loc = LOC.matcher(new String(bytes, StandardCharsets.UTF_8));
				Set<String> pages = new LinkedHashSet<>();
				while (loc.find() && pages.size() < settings.maxPages()) {
					String page = withoutFragment(loc.group(1).replace("&amp;", "&"));
					if (allowed(page)) {
						pages.add(page);
					}
				}
				return List.copyOf(pages);
			}
		}
		catch (IOException | IllegalArgumentException unreadable) {
			return List.of();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ScanStopped();
		}
	}

	private boolean waitFor(java.util.function.BooleanSupplier condition) {
		long until = System.nanoTime() + settings.pageTimeout().toNanos();
		while (System.nanoTime() - until < 0) {
			if (condition.getAsBoolean()) {
				return true;
			}
			pause(100);
		}
		return false;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new ScanStopped();
		}
	}
}
