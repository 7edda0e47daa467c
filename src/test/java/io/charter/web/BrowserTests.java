package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.Axe;
import io.charter.Fixtures;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.shared.Role;

/**
 * Charter in a real headless Chromium: sign in with the keyboard only, reach the dashboard, and no
 * page breaks its own Content-Security-Policy. Runs wherever Chromium is installed, always in CI.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTests {

	static final File CHROMIUM = new File(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
	static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	/** Said by every browser test class it skips, so that a run without Chromium says so plainly. */
	static final String SKIPPED = "Browser tests skipped: no Chromium at " + CHROMIUM + " and chromedriver at " + DRIVER
			+ " (install the Debian packages chromium and chromium-driver, or set CHROME_BIN and CHROMEDRIVER)";

	static final List<String> LANGUAGES = List.of("fr", "nl", "en");
	static final Dimension WIDE = new Dimension(1280, 900);
	static final Dimension PHONE = new Dimension(390, 844);

	static WebDriver browser;
	/** The secret of a request's confirmation link, once one was sent through the public form. */
	static volatile String verifySecret;

	@LocalServerPort
	int port;
	@Autowired
	Fixtures fixtures;
	@Autowired
	IdentityManagement identity;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	DirectoryChanges people;

	@BeforeAll
	static void startBrowser() throws Exception {
		boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
		Assumptions.assumeTrue(installed || System.getenv("CI") != null, SKIPPED);
		browser = startChromium();
	}

	/** A headless Chromium of its own (profile, sessions), its console kept for the checks on it. */
	static WebDriver startChromium() throws java.io.IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		WebDriver started = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
		started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		started.manage().window().setSize(WIDE);
		return started;
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signsInWithTheKeyboardAndKeepsToTheContentSecurityPolicy() {
		browser.get("http://localhost:" + port + "/audit");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
		// The e-mail field has focus; type, tab to the password, submit with Enter.
		browser.switchTo().activeElement().sendKeys(Fixtures.ADMIN_EMAIL);
		browser.switchTo().activeElement().sendKeys(Keys.TAB);
		browser.switchTo().activeElement().sendKeys(Fixtures.ADMIN_PASSWORD, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/audit"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
		// The stylesheet applied (it is an external file allowed by the policy).
		assertThat(browser.findElement(By.cssSelector("header.top")).getCssValue("display")).isEqualTo("flex");

		browser.get("http://localhost:" + port + "/");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		browser.get("http://localhost:" + port + "/no-such-page");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Something went wrong");

		List<LogEntry> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getMessage().contains("Content Security Policy")).toList();
		assertThat(violations).isEmpty();
	}

	/**
	 * Every page reachable from the navigation of each role, and the public pages, in each language
	 * at 1280 px and at 390 px: axe-core finds nothing and no page is wider than a phone. The records
	 * the pages show are made first; then each language is walked in its own Chromium at the same
	 * time (each language's walk is independent), and each page is loaded once and checked at both
	 * widths.
	 */
	@Test
	void everyPagePassesAxeAndFitsAPhoneInEachLanguage() throws Exception {
		List<Walk> walks = new ArrayList<>();
		// One user per role, walked by every language.
		Map<Role, String> staff = new LinkedHashMap<>();
		try {
			signIn(browser, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
			registerRequest();
			addPerson();
			scheduleSession();
			addDevice();
			// In the directory, so that the enrolment page lists the sessions with their buttons and My
			// compliance links the acknowledgement page.
			for (Role role : List.of(Role.PRIVACY, Role.SECURITY, Role.AUDITOR, Role.EMPLOYEE)) {
				staff.put(role, fixtures.user(role).email());
			}
			String employee = staff.get(Role.EMPLOYEE);
			people.create(new PersonDetails("Émile Employee", employee, null, PersonKind.EMPLOYEE, null, null,
					java.time.LocalDate.of(2024, 2, 1), null, "fr"));
			ownDevice(employee);
			for (String language : LANGUAGES) {
				walks.add(new Walk(language, walks.isEmpty() ? browser : startChromium(), staff));
			}
			// One request sent through the public form, in the first walk, for the page of its confirmation
			// link (the form accepts few per source).
			walks.get(0).sendRequest();
			var pool = java.util.concurrent.Executors.newFixedThreadPool(walks.size());
			try {
				for (var done : pool.invokeAll(walks.stream().<java.util.concurrent.Callable<Void>>map(walk -> () -> {
					walk.walk();
					return null;
				}).toList())) {
					done.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			Set<String> visited = new LinkedHashSet<>();
			Map<String, Long> tooWide = new LinkedHashMap<>();
			Map<String, List<String>> violations = new LinkedHashMap<>();
			for (Walk walk : walks) {
				assertThat(walk.visited).as("the pages walked in %s", walk.language).isNotEmpty();
				visited.addAll(walk.visited);
				tooWide.putAll(walk.tooWide);
				violations.putAll(walk.violations);
			}
			// Every module's pages were reached (a broken crawl must not pass for a clean console).
			assertThat(visited).contains("/", "/audit", "/admin/users", "/consent", "/rights", "/organisation",
					"/admin/outbox", "/tokens", "/profile");
			assertThat(visited).anyMatch(page -> page.startsWith("/rights/requests/"));
			assertThat(visited).contains("/people", "/people/new", "/people/import")
					.anyMatch(page -> page.matches("/people/[0-9a-f-]{36}/edit"))
					.anyMatch(page -> page.matches("/people/[0-9a-f-]{36}/leave"));
			assertThat(visited).contains("/training", "/training/sessions/new", "/training/enrol")
					.anyMatch(page -> page.matches("/training/sessions/[0-9a-f-]{36}/edit"))
					.anyMatch(page -> page.matches("/training/sessions/[0-9a-f-]{36}/cancel"));
			assertThat(visited).contains("/devices", "/devices/enroll-secrets", "/devices/software", "/my-devices")
					.anyMatch(page -> page.matches("/devices/[0-9a-f-]{36}"))
					.anyMatch(page -> page.matches("/devices/[0-9a-f-]{36}/revoke"))
					.anyMatch(page -> page.matches("/devices/software/[0-9a-f-]{36}/remove"));
			assertThat(visited).contains("/policies", "/policies/work-behaviors", "/policies/work-behaviors/draft",
					"/people/compliance", "/me/compliance", "/me/policies/work-behaviors");
			assertThat(visited).contains("/visitors", "/incidents/report", "/incidents", "/premises/on-site",
					"/premises/clean-desk", "/exemptions", "/exemptions/mine")
					.anyMatch(page -> page.matches("/premises/clean-desk/[0-9a-f-]{36}"));
			assertThat(visited).contains("/compliance", "/compliance/evidence", "/compliance/policy/work-behaviors",
					"/compliance/policy/cookie-policy", "/devices/import")
					.anyMatch(page -> page.matches("/compliance/clauses/[A-Z][0-9]{1,2}"))
					.anyMatch(page -> page.matches("/consent/[^/]+/statistics"));
			assertThat(tooWide).as("pages wider than a 390 px phone (page: document width), of %s", visited).isEmpty();
			assertThat(violations).as("axe-core violations (page in language at width: rule: help target | target)")
					.isEmpty();
		}
		finally {
			for (Walk walk : walks) {
				if (walk.browser != browser) {
					walk.browser.quit();
				}
			}
			browser.manage().window().setSize(WIDE);
			browser.manage().deleteAllCookies();
		}
	}

	/**
	 * One language's walk, in a Chromium of its own: the public pages signed out, then the pages of
	 * ADMIN and of each role signed in, in that language.
	 */
	final class Walk {

		final String language;
		final WebDriver browser;
		/** The window's size now, to resize only when it changes. */
		Dimension width = WIDE;
		final Set<String> checkedKinds = new HashSet<>();
		/** How many roles walked so far: each has its own dashboard. */
		int roles;
		final Set<String> visited = new LinkedHashSet<>();
		final Map<String, Long> tooWide = new LinkedHashMap<>();
		final Map<String, List<String>> violations = new LinkedHashMap<>();

		final Map<Role, String> staff;

		Walk(String language, WebDriver browser, Map<Role, String> staff) {
			this.language = language;
			this.browser = browser;
			this.staff = staff;
			browser.manage().window().setSize(WIDE);
		}

		void walk() {
			checkPublicPages();
			signIn(browser, Fixtures.ADMIN_EMAIL, Fixtures.ADMIN_PASSWORD);
			crawlSignedIn();
			for (var user : staff.entrySet()) {
				Role role = user.getKey();
				signIn(browser, user.getValue(), Fixtures.PASSWORD);
				crawlSignedIn();
				if (role == Role.SECURITY) {
					securityConfirmations();
				}
			}
		}

		/** Sends the public request form for real, and keeps the secret of the confirmation link sent. */
		void sendRequest() {
			browser.manage().deleteAllCookies();
			browser.get(url("/privacy/requests?lang=" + language));
			String email = Fixtures.uniqueEmail("requester");
			submitRequestForm(browser, "Philippa Public-Form", email);
			checkOpen("/privacy/requests/sent");
			verifySecret = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> jdbc.sql("""
					select coalesce(body_to_send, body) from outbox_message where recipient = :to and body like '%/verify/%'
					order by created_at desc limit 1""").param("to", email).query(String.class).optional()
					.map(body -> body.replaceAll("(?s).*/privacy/requests/verify/([A-Za-z0-9_-]+).*", "$1")).orElse(null));
		}

		/** The cookie declaration, the sign-in page and the request form with each of its pages, signed out. */
		private void checkPublicPages() {
			browser.manage().deleteAllCookies();
			check("/c/wegroup-be/declaration?lang=" + language);
			check("/login?lang=" + language);
			check("/login?error");
			check("/privacy/requests?lang=" + language);
			// Sent empty, past the browser's own checks: every field in error.
			submitRequestForm(browser, "", "");
			checkOpen("/privacy/requests (every field in error)");
			check("/privacy/requests/sent");
			check("/privacy/requests/verify/" + verifySecret);
			for (String page : List.of("verify", "withdraw", "download")) {
				check("/privacy/requests/" + page + "/an-unknown-secret");
			}
		}

		private void crawlSignedIn() {
			roles++;
			browser.get(url("/?lang=" + language));
			visited.addAll(crawl());
		}

		/**
		 * The pages a signed-in user reaches from the navigation, and the pages those link to, two steps
		 * deep: one page of each kind (ids stand for any id), no downloads and no other query.
		 */
		private Set<String> crawl() {
			List<String> frontier = links(browser, "header.top nav a[href]");
			Set<String> crawled = new LinkedHashSet<>();
			for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
				List<String> next = new ArrayList<>();
				for (String page : frontier) {
					// A kind of page an earlier role saw is not checked again, but for the dashboard, which is
					// each role's own.
					String kind = page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}|\\d+|(?<=/services/)[^/]+", "{id}");
					if (!checkedKinds.add(("/".equals(page) ? roles : "") + " " + kind)) {
						continue;
					}
					check(page);
					crawled.add(page);
					next.addAll(links(browser, "main a[href]"));
				}
				frontier = next;
			}
			return crawled;
		}

		/**
		 * The confirmation pages linked for SECURITY only, from pages an earlier role's crawl already
		 * checked (and so does not follow again): revoking the device, removing a catalogue entry.
		 */
		private void securityConfirmations() {
			List<String> pages = List.of("/devices/" + device + "/revoke",
					"/devices/software/00000000-0000-0000-0d5e-000000000001/remove");
			browser.get(url("/?lang=" + language));
			pages.forEach(this::check);
			visited.addAll(pages);
			// Linked from the devices page for SECURITY only, which ADMIN's crawl checked first.
			check("/devices/import");
			visited.add("/devices/import");
		}

		private void check(String page) {
			browser.get(url(page));
			checkOpen(page);
		}

		/** The open page at both widths, the current one first, so that each page is loaded once. */
		private void checkOpen(String page) {
			Object shown = ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang");
			String where = page + " (" + browser.getTitle() + ") in " + language;
			// The declaration is in the languages its site has, else the site's own: not asked of it here.
			if (!language.equals(shown) && !page.startsWith("/c/")) {
				violations.put(where, List.of("the page is in " + shown));
			}
			for (Dimension size : width == WIDE ? List.of(WIDE, PHONE) : List.of(PHONE, WIDE)) {
				resize(size);
				if (size == PHONE) {
					measure(where);
				}
				// Every rule once, at the wide window; at the phone's width the rules its layout can break.
				List<String> found = size == WIDE ? Axe.violations((JavascriptExecutor) browser)
						: Axe.layoutViolations((JavascriptExecutor) browser);
				if (!found.isEmpty()) {
					violations.put(where + " at " + size.getWidth() + " px", found);
				}
			}
		}

		private void resize(Dimension size) {
			if (size != width) {
				browser.manage().window().setSize(size);
				width = size;
			}
		}

		private void measure(String where) {
			Map<?, ?> widths = (Map<?, ?>) ((JavascriptExecutor) browser).executeScript(
					"return {page: document.documentElement.scrollWidth, window: window.innerWidth};");
			long pageWidth = ((Number) widths.get("page")).longValue();
			if (pageWidth > ((Number) widths.get("window")).longValue()) {
				// Names the element reaching furthest right, to say what to fix.
				Object widest = ((JavascriptExecutor) browser).executeScript("""
						let far = document.body;
						for (const e of document.body.querySelectorAll('*')) {
							if (e.getBoundingClientRect().right > far.getBoundingClientRect().right) far = e;
						}
						return far.tagName + '.' + far.className + ' ' + far.textContent.trim().slice(0, 40);""");
				tooWide.put(where + ", widest: " + widest, pageWidth);
			}
		}
	}

	private void submitRequestForm(WebDriver browser, String name, String email) {
		browser.get(url("/privacy/requests"));
		((JavascriptExecutor) browser).executeScript("""
				const form = document.querySelector('form[action="/privacy/requests"]');
				if (arguments[0]) form.elements.type[0].checked = true;
				form.elements.name.value = arguments[0];
				form.elements.email.value = arguments[1];
				form.submit();""", name, email);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
				((JavascriptExecutor) d).executeScript("return document.readyState")) && d.findElements(By.tagName("h1")).size() > 0);
	}

	/** A person with a manager and long values, so that a person's pages are among those crawled. */
	private void addPerson() {
		String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
		var manager = people.create(new PersonDetails("Marguerite Manager-Longname", "manager-" + suffix + "@example.test",
				"M-" + suffix, PersonKind.EMPLOYEE, "Information Security and Compliance", null,
				java.time.LocalDate.of(2020, 1, 6), null, "fr"));
		people.create(new PersonDetails("Philippa Phone-Width", "a-rather-long-address-" + suffix + "@a-long-domain-name.example.test",
				"E-" + suffix, PersonKind.CONTRACTOR, "Information Security and Compliance", manager.id(),
				java.time.LocalDate.of(2024, 2, 1), null, "nl"));
	}

	/** A training session with long values, scheduled through its form, so that its pages are among those crawled. */
	private void scheduleSession() {
		browser.get(url("/training/sessions/new"));
		((JavascriptExecutor) browser).executeScript("""
				const form = document.querySelector('form[action="/training/sessions"]');
				const start = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
				form.elements.title.value = 'Sensibilisation à la sécurité de l’information pour tout le personnel';
				form.elements.starts.value = start + 'T09:30';
				form.elements.ends.value = start + 'T11:00';
				form.elements.place.value = 'Salle de réunion du deuxième étage, bâtiment principal';
				form.elements.link.value = 'https://meet.example.test/a/very/long/address/that/does/not/break/0123456789';
				form.elements.capacity.value = '12';
				form.submit();""");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/training/sessions/[0-9a-f-]{36}$"));
	}

	private java.util.UUID device;

	/** An enrolled device with long values and an answered check, so that a device's page is among those crawled. */
	private void addDevice() {
		java.util.UUID secret = java.util.UUID.randomUUID();
		java.util.UUID device = java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into premises_desk_check (id, checked_on, area, desks_checked, checked_by, created_at)
				values (:id, current_date, 'Finance department, second floor, open-plan area by the windows', 24,
				  'system', current_timestamp)""").param("id", java.util.UUID.randomUUID()).update();
		jdbc.sql("""
				insert into enroll_secret (id, name, secret_hash, created_at, created_by)
				values (:id, 'Windows laptops of the finance department', :hash, current_timestamp, 'system')""")
				.param("id", secret).param("hash", io.charter.platform.Secrets.hash(secret.toString())).update();
		jdbc.sql("""
				insert into device (id, host_identifier, node_key_hash, enroll_secret_id, hostname, platform, os_name,
				  os_version, serial, hardware_model, osquery_version, enrolled_at, last_seen_at)
				values (:id, :host, :key, :secret, 'finance-laptop-with-a-rather-long-hostname.corp.example.test', 'windows',
				  'Microsoft Windows 11 Enterprise', '10.0.22631', 'PF3ABCDEFGH', 'ThinkPad X1 Carbon Gen 11', '5.12.1',
				  current_timestamp, current_timestamp)""")
				.param("id", device).param("host", device.toString()).param("key", io.charter.platform.Secrets.hash(device.toString()))
				.param("secret", secret).update();
		jdbc.sql("""
				insert into check_result (id, device_id, check_id, checked_at, passed)
				values (:id, :device, 'screen-lock', current_timestamp, false)""")
				.param("id", java.util.UUID.randomUUID()).param("device", device).update();
		io.charter.DeviceRows.latest(jdbc, device, "screen-lock", false, java.time.Instant.now());
		jdbc.sql("""
				insert into device_software (device_id, name, version, publisher, first_seen_at, last_seen_at)
				values (:device, 'Notepad++ (64-bit x64) with a rather long name of its own', '8.6.9.0-release-candidate',
				  'Notepad++ Team and contributors of a long name', current_timestamp, current_timestamp)""")
				.param("device", device).update();
		jdbc.sql("""
				insert into software_request (id, requester_id, name, reason, status, created_at)
				values (:id, null, 'Visual Studio Code Insiders with a long name', 'Editing the configuration of the finance
				  department''s reporting scripts, which are long', 'requested', current_timestamp)""")
				.param("id", java.util.UUID.randomUUID()).update();
		this.device = device;
	}

	/** The crawled device belongs to the employee, so that "My devices" lists it with its findings. */
	private void ownDevice(String email) {
		jdbc.sql("update device set owner_id = (select id from person where email = :email) where id = :id")
				.param("email", email).param("id", device).update();
	}

	/** A request on the staff dashboard, so that a request's page is among those crawled. */
	private void registerRequest() {
		browser.get(url("/rights"));
		((JavascriptExecutor) browser).executeScript("""
				const form = document.querySelector('form[action="/rights/requests"]');
				form.elements.receivedOn.value = new Date().toISOString().slice(0, 10);
				form.elements.name.value = 'Philippa Phone-Width';
				form.elements.email.value = 'a-rather-long-address.of-a-requester@a-long-domain-name.example.test';
				form.elements.details.value = 'https://www.example.test/a/very/long/address/that/does/not/break/on/its/own/0123456789';
				form.submit();""");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/rights/requests/"));
	}

	private List<String> links(WebDriver browser, String selector) {
		List<String> found = new ArrayList<>();
		for (WebElement link : browser.findElements(By.cssSelector(selector))) {
			URI target = URI.create(link.getDomProperty("href"));
			if (target.getPort() == port && (target.getQuery() == null || target.getQuery().startsWith("tab=")) && !target.getPath().startsWith("/api/")
					&& !target.getPath().matches(".*(\\.\\w+|/export.*|/download.*|/file)$") && link.getDomAttribute("download") == null) {
				found.add(target.getQuery() == null ? target.getPath() : target.getPath() + "?" + target.getQuery());
			}
		}
		return found;
	}

	private void signIn(WebDriver browser, String email, String password) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** The real buttons: Deactivate, its confirmation, then Reactivate; no script needed, none inline. */
	@Test
	void anAdministratorDeactivatesAUserAfterConfirmingAndReactivatesThem() throws Exception {
		UserSummary leaver = fixtures.user(Fixtures.uniqueEmail("leaver"), "en", Role.PRIVACY);
		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(Fixtures.ADMIN_EMAIL);
		browser.findElement(By.id("password")).sendKeys(Fixtures.ADMIN_PASSWORD, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));

		browser.get("http://localhost:" + port + "/admin/users");
		browser.findElement(By.id("deactivate-" + leaver.id())).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/deactivate"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Deactivate Test privacy?");
		assertThat(Axe.violations((JavascriptExecutor) browser)).as("the confirmation page").isEmpty();
		assertThat(identity.user(leaver.id()).orElseThrow().active()).as("before confirming").isTrue();

		browser.findElement(By.id("confirm")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/admin/users$"));
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("User deactivated.");
		assertThat(identity.user(leaver.id()).orElseThrow().active()).isFalse();

		browser.findElement(By.id("activate-" + leaver.id())).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.cssSelector("p.notice"),
				"User reactivated."));
		assertThat(identity.user(leaver.id()).orElseThrow().active()).isTrue();
		assertThat(browser.findElement(By.id("deactivate-" + leaver.id())).isDisplayed()).isTrue();

		browser.manage().deleteAllCookies();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.linkText("Forgot your password?")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Reset your password");
		assertThat(Axe.violations((JavascriptExecutor) browser)).as("the forgot-password page").isEmpty();

		List<LogEntry> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getMessage().contains("Content Security Policy")).toList();
		assertThat(violations).isEmpty();
	}
}
