package io.charter.consent.banner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.charter.Axe;
import io.charter.consent.DeclarationVersions;
import io.charter.consent.banner.BannerControllerTests.TestSite;

/**
 * The banner in a real headless Chromium, embedded in a test site served from another origin
 * (the JDK's HTTP server on 127.0.0.1; Charter runs on localhost). The page holds blocked scripts
 * (external and inline), a blocked iframe and one careless unblocked script that tries to set an
 * analytics cookie before any consent. Runs wherever Chromium is installed, always in CI.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BannerBrowserTests {

	static final File CHROMIUM = new File(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
	static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
	static final Set<String> NON_NECESSARY = Set.of("_ga", "_ga_TEST", "_lr_test", "_tawkuuid");

	static ChromeDriver browser;
	static HttpServer testSite;
	static volatile int charterPort;

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	DeclarationVersions versions;

	String site;

	@BeforeAll
	static void start() throws Exception {
		boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
		Assumptions.assumeTrue(installed || System.getenv("CI") != null,
				"Browser tests skipped: no Chromium at " + CHROMIUM + " and chromedriver at " + DRIVER + " (README: Test it)");
		testSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		testSite.createContext("/", BannerBrowserTests::serveTestSite);
		testSite.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		testSite.start();

		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
				"--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		// Every page reports the CSP violations it sees, whatever its own policy allows.
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.__violations = [];
				document.addEventListener('securitypolicyviolation',
				    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""));
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (testSite != null) {
			testSite.stop(0);
		}
	}

	@BeforeEach
	void freshVisitor() {
		charterPort = port;
		site = TestSite.uniqueKey("banner-browser");
		TestSite.publish(jdbc, json, versions, TestSite.declaration(site, 1, 1, List.of(testOrigin())));
		browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		browser.manage().logs().get(LogType.PERFORMANCE); // drop what earlier tests left
		browser.manage().logs().get(LogType.BROWSER);
	}

	// ---- the tests --------------------------------------------------------------------------------

	@Test
	void nothingRunsBeforeAChoiceThenAcceptAllRunsScriptsInDocumentOrder() {
		open("en");
		assertThat(js("return window.ran === undefined && window.earlyRan === true")).isEqualTo(true);
		// The careless script's _ga was dropped: no non-necessary cookie before a choice.
		assertThat(cookieNames()).doesNotContainAnyElementsOf(NON_NECESSARY).doesNotContain("charter_consent");
		// Consent Mode default, everything denied, before any tag.
		assertThat(js("return JSON.stringify(Array.from(dataLayer[0]))")).isEqualTo(
				"[\"consent\",\"default\",{\"ad_storage\":\"denied\",\"ad_user_data\":\"denied\","
						+ "\"ad_personalization\":\"denied\",\"analytics_storage\":\"denied\",\"security_storage\":\"granted\","
						+ "\"functionality_storage\":\"granted\",\"wait_for_update\":500}]");
		// The three choices look alike: same size, colour and weight.
		List<WebElement> buttons = banner().findElements(By.cssSelector(".cb .b"));
		assertThat(buttons).extracting(WebElement::getText).containsExactly("Accept all", "Refuse all", "Customise");
		assertThat(buttons.stream().map(b -> b.getSize() + b.getCssValue("background-color") + b.getCssValue("color")
				+ b.getCssValue("font-weight") + b.getCssValue("font-size")).distinct()).hasSize(1);
		// Not a wall: the page is still usable.
		browser.findElement(By.id("page-button")).click();
		assertThat(js("return window.pageClicks")).isEqualTo(1L);
		js("window.events = []; window.changes = [];"
				+ "document.addEventListener('charter:consent', e => events.push(e.detail));"
				+ "Charter.on('change', c => changes.push(c));");

		click(".cb .b", "Accept all");
		waitFor(d -> ((Number) js("return (window.ran || []).length")).intValue() == 4);
		assertThat(js("return window.ran.join()")).isEqualTo("analytics-1,inline-2,analytics-3,tracking-4");
		assertThat(consentModeUpdates()).last().satisfies(u -> assertThat(u)
				.contains("\"analytics_storage\":\"granted\"", "\"ad_storage\":\"granted\"", "\"ad_user_data\":\"granted\""));
		assertThat(cookieNames()).contains("charter_consent", "_ga", "_ga_TEST", "_lr_test", "_tawkuuid");
		// The blocked iframe loaded in place of its placeholder.
		waitFor(d -> "Chat loaded".equals(frameText()));
		assertThat(js("return document.querySelector('charter-placeholder')")).isNull();
		assertThat(js("return events.length + ',' + changes.length + ',' + events[0].categories.analytics"))
				.isEqualTo("1,1,true");
		assertThat(sentRecords(1)).singleElement().satisfies(r -> {
			assertThat(r.get("method").asString()).isEqualTo("ACCEPT_ALL");
			assertThat(r.get("choices").toString()).isEqualTo("{\"analytics\":true,\"tracking\":true}");
		});
		assertThat(js("return document.querySelector('charter-consent').shadowRoot.querySelector('.cb')")).isNull();

		// Next page: no banner, scripts run at once, Consent Mode updated from the stored choice.
		open("en", false);
		waitFor(d -> ((Number) js("return (window.ran || []).length")).intValue() == 4);
		assertThat(js("return Array.from(dataLayer[1]).slice(0, 2).join()")).isEqualTo("consent,update");
		assertThat(settingsButton().getText()).isEqualTo("Cookie settings");
		assertThat(js("return Charter.consent().categories")).isEqualTo(
				Map.of("necessary", true, "analytics", true, "tracking", true));
		sleep(300);
		assertThat(sentRecords(1)).hasSize(1);
		assertNoCspViolation();
	}

	@Test
	void refuseAllRunsNothingAndIsRecorded() throws Exception {
		open("fr");
		click(".cb .b", "Tout refuser");
		waitFor(d -> cookieNames().contains("charter_consent"));
		sleep(500);
		assertThat(js("return window.ran")).isNull();
		assertThat(cookieNames()).doesNotContainAnyElementsOf(NON_NECESSARY);
		assertThat(consentModeUpdates()).last().satisfies(u -> assertThat(u)
				.contains("\"analytics_storage\":\"denied\"", "\"ad_storage\":\"denied\""));

		// The request agreed with the consent log: a CORS simple request, text/plain.
		Map<String, Object> consent = consent();
		String visitorId = (String) consent.get("visitorId");
		assertThat(visitorId).matches("[A-Za-z0-9_-]{22}");
		waitFor(d -> sentRequests().size() == 1);
		JsonNode request = sentRequests().get(0);
		assertThat(request.get("url").asString()).isEqualTo("http://localhost:" + port + "/c/" + site + "/consents");
		assertThat(request.get("headers").get("Content-Type").asString()).isEqualTo("text/plain;charset=UTF-8");
		JsonNode body = json.readTree(request.get("postData").asString());
		assertThat(body.get("visitorId").asString()).isEqualTo(visitorId);
		assertThat(body.get("version").asInt()).isEqualTo(1);
		assertThat(body.get("method").asString()).isEqualTo("REFUSE_ALL");
		assertThat(body.get("choices").toString()).isEqualTo("{\"analytics\":false,\"tracking\":false}");
		assertThat(body.get("language").asString()).isEqualTo("fr");
		assertThat(body.get("pageUrl").asString()).isEqualTo(testOrigin() + "/page");

		// The consent log stored it, and its receipt's consent id went into the cookie.
		waitFor(d -> jdbc.sql("select count(*) from consent_record where visitor_id = :v").param("v", visitorId)
				.query(Integer.class).single() == 1);
		assertThat(jdbc.sql("select method || ' ' || choices || ' ' || version || ' ' || language || ' ' || page_url"
				+ " from consent_record where visitor_id = :v").param("v", visitorId).query(String.class).single())
				.isEqualTo("REFUSE_ALL analytics=0,tracking=0 1 fr " + testOrigin() + "/page");
		String consentId = waitFor(d -> (String) consent().get("consentId"));
		assertThat(jdbc.sql("select count(*) from consent_record where id = :id")
				.param("id", java.util.UUID.fromString(consentId)).query(Integer.class).single()).isEqualTo(1);
		assertThat(browser.manage().getCookieNamed("charter_consent").getValue()).startsWith(visitorId + "." + consentId + ".1.");
		assertNoCspViolation();
	}

	@Test
	void aBlockedIframeShowsAPlaceholderThatAllowsItsCategory() {
		open("nl");
		click(".cb .b", "Alles weigeren");
		WebElement placeholder = waitFor(d -> browser.findElement(By.tagName("charter-placeholder")).getShadowRoot()
				.findElement(By.cssSelector(".ph")));
		// It names the category and says what the category is for.
		assertThat(placeholder.getText()).isEqualTo(
				"Deze inhoud heeft cookies nodig van de categorie \u201eTrackingcookies\u201d, gebruikt voor:\n"
						+ "Registreren uw bezoek voor gerichtere reclame en de livechat.\n"
						+ "\u201eTrackingcookies\u201d toestaan en tonen");
		assertThat(placeholder.getSize().getWidth()).isBetween(400, 404);
		assertThat(js("return getComputedStyle(document.querySelector('iframe')).display")).isEqualTo("none");
		placeholder.findElement(By.cssSelector("button")).click();
		waitFor(d -> "Chat loaded".equals(frameText()));
		assertThat(js("return document.querySelector('charter-placeholder')")).isNull();
		waitFor(d -> "tracking-4".equals(js("return (window.ran || []).join()")));
		assertThat(js("return Charter.consent().categories")).isEqualTo(
				Map.of("necessary", true, "analytics", false, "tracking", true));
		assertThat(sentRecords(2)).extracting(r -> r.get("method").asString()).containsExactly("REFUSE_ALL", "CUSTOM");
	}

	@Test
	void withdrawingAnalyticsDeletesItsCookiesAndStopsNewOnes() {
		open("en");
		click(".cb .b", "Accept all");
		waitFor(d -> cookieNames().containsAll(Set.of("_ga", "_ga_TEST", "_lr_test", "_tawkuuid")));
		// _lr_test is on the page's own path too, not only on /.
		assertThat(js("return document.cookie.split('_lr_test=').length - 1")).isEqualTo(2L);

		settingsButton().click();
		WebElement analytics = waitFor(d -> banner().findElement(By.id("k-analytics")));
		assertThat(analytics.isSelected()).isTrue();
		assertThat(analytics.getDomAttribute("role")).isEqualTo("switch");
		analytics.click();
		click(".cs .b", "Save my choices");
		waitFor(d -> !cookieNames().contains("_ga"));
		assertThat(cookieNames()).doesNotContain("_ga", "_ga_TEST", "_lr_test").contains("_tawkuuid", "charter_consent");
		assertThat(consentModeUpdates()).last().satisfies(u -> assertThat(u)
				.contains("\"analytics_storage\":\"denied\"", "\"ad_storage\":\"granted\""));
		assertThat(sentRecords(2)).extracting(r -> r.get("method").asString()).containsExactly("ACCEPT_ALL", "WITHDRAW");
		assertThat(sentRecords(2).get(1).get("choices").toString()).isEqualTo("{\"analytics\":false,\"tracking\":true}");
		// A script that already ran cannot set them again.
		js("document.cookie = '_ga=again; path=/'; document.cookie = '_lr_other=1; path=/'; document.cookie = 'site_pref=1; path=/'");
		assertThat(cookieNames()).doesNotContain("_ga", "_lr_other").contains("site_pref");
	}

	@Test
	void globalPrivacyControlRefusesTrackingAndTheBannerSaysSo() {
		String id = (String) browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true, configurable: true});"))
				.get("identifier");
		try {
			open("en");
			assertThat(banner().findElement(By.cssSelector(".cb .n")).getText()).isEqualTo(
					"Your browser sends the Global Privacy Control signal, so we refused these cookies for you: Tracking cookies.");
			// Recorded as such at once, and kept.
			assertThat(sentRecords(1)).singleElement().satisfies(r -> {
				assertThat(r.get("method").asString()).isEqualTo("GPC");
				assertThat(r.get("choices").toString()).isEqualTo("{\"analytics\":false,\"tracking\":false}");
			});
			assertThat(cookieNames()).contains("charter_consent").doesNotContainAnyElementsOf(NON_NECESSARY);
			assertThat(js("return window.ran")).isNull();
			String visitorId = (String) consent().get("visitorId");
			waitFor(d -> "GPC analytics=0,tracking=0".equals(jdbc.sql(
					"select max(method || ' ' || choices) from consent_record where visitor_id = :v")
					.param("v", visitorId).query(String.class).single()));
			// Analytics is not refused under GPC in this catalogue: it is still asked about on the next
			// page, and nothing new is recorded until the visitor chooses.
			open("en");
			assertThat(banner().findElement(By.cssSelector(".cb .n")).getText()).endsWith("Tracking cookies.");
			assertThat(consent().get("visitorId")).isEqualTo(visitorId);
			assertThat(sentRecords(1)).hasSize(1);

			click(".cb .b", "Customise");
			WebElement tracking = waitFor(d -> banner().findElement(By.id("k-tracking")));
			assertThat(tracking.isSelected()).isFalse();
			assertThat(banner().findElement(By.id("k-trackingd")).getText())
					.endsWith("Refused because of your browser's Global Privacy Control signal.");
			assertThat(banner().findElement(By.id("k-analyticsd")).getText()).doesNotContain("Global Privacy Control");
			assertThat(banner().findElement(By.id("k-analytics")).isSelected()).isFalse();

			// The visitor may still opt in explicitly.
			banner().findElement(By.id("k-analytics")).click();
			click(".cs .b", "Save my choices");
			waitFor(d -> "analytics-1,inline-2,analytics-3".equals(js("return (window.ran || []).join()")));
			assertThat(sentRecords(2)).extracting(r -> r.get("method").asString()).containsExactly("GPC", "CUSTOM");

			open("en", false);
			assertThat(js("return document.querySelector('charter-consent').shadowRoot.querySelector('.cb')")).isNull();
		}
		finally {
			browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
		}
	}

	@Test
	void worksWithTheKeyboardAloneAndReturnsFocus() {
		open("en");
		// Shown at load with nothing focused: the banner takes focus, so Tab starts in it.
		assertThat(focused()).isEqualTo("div.cb");
		tab();
		assertThat(focused()).isEqualTo("a:Cookie declaration");
		tab();
		assertThat(focused()).isEqualTo("button.b:Accept all");
		assertThat(js("return getComputedStyle(" + ACTIVE + ").outlineStyle + ' ' + getComputedStyle(" + ACTIVE
				+ ").outlineWidth")).isEqualTo("solid 3px");
		tab();
		tab();
		assertThat(focused()).isEqualTo("button.b:Customise");
		press(Keys.ENTER);
		waitFor(d -> "div.cs".equals(focused()));
		// Escape goes back to the first layer, onto Customise.
		press(Keys.ESCAPE);
		waitFor(d -> "button.b:Customise".equals(focused()));
		press(Keys.SPACE);
		waitFor(d -> "div.cs".equals(focused()));
		tabUntil("input#k-analytics");
		press(Keys.SPACE);
		assertThat(banner().findElement(By.id("k-analytics")).isSelected()).isTrue();
		tabUntil("summary");
		press(Keys.ENTER);
		assertThat(js("return " + ACTIVE + ".parentElement.open")).isEqualTo(true);
		tabUntil("button.b:Save my choices");
		// Tab stays in the modal second layer.
		tab();
		assertThat(focused()).isEqualTo("button.x:\u00d7");
		new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		assertThat(focused()).isEqualTo("button.b:Save my choices");
		press(Keys.ENTER);
		waitFor(d -> cookieNames().contains("_ga"));
		// Focus is back where it was: nowhere in particular.
		assertThat(js("return document.activeElement === document.body")).isEqualTo(true);
		assertThat(js("return Charter.consent().categories")).isEqualTo(
				Map.of("necessary", true, "analytics", true, "tracking", false));

		// The settings control is reachable and focus returns to it.
		tabUntil("button.sb:Cookie settings");
		press(Keys.ENTER);
		waitFor(d -> "div.cs".equals(focused()));
		assertThat(banner().findElement(By.id("k-analytics")).isSelected()).isTrue();
		assertThat(banner().findElement(By.id("k-necessary")).isEnabled()).isFalse();
		press(Keys.ESCAPE);
		waitFor(d -> "button.sb:Cookie settings".equals(focused()));
	}

	@Test
	void keepsToAStrictContentSecurityPolicy() {
		browser.get(testOrigin() + "/page?site=" + site + "&charter=" + port + "&lang=en&csp=1");
		WebElement accept = waitFor(d -> banner().findElement(By.cssSelector(".cb .b")));
		// The stylesheet applied: it is adopted, not inline and not from the page's origin.
		assertThat(accept.getCssValue("background-color")).isEqualTo("rgba(29, 78, 216, 1)");
		assertThat(banner().findElement(By.cssSelector(".cb")).getCssValue("position")).isEqualTo("fixed");
		click(".cb .b", "Customise");
		waitFor(d -> banner().findElement(By.id("k-analytics"))).click();
		click(".cs .b", "Save my choices");
		waitFor(d -> "analytics-1,analytics-3".equals(js("return (window.ran || []).join()")));
		assertThat(sentRecords(1)).extracting(r -> r.get("method").asString()).containsExactly("CUSTOM");
		open("en", false);
		assertThat(settingsButton().getCssValue("position")).isEqualTo("fixed");
		assertNoCspViolation();
	}

	@Test
	void speaksThePageLanguageThenTheBrowserLanguage() {
		Map<String, List<String>> expected = Map.of(
				"fr", List.of("Cookies sur ce site", "Tout accepter", "Tout refuser", "Personnaliser"),
				"nl-BE", List.of("Cookies op deze site", "Alles aanvaarden", "Alles weigeren", "Aanpassen"),
				"en", List.of("Cookies on this site", "Accept all", "Refuse all", "Customise"),
				// Not a language of the site: the browser's (en-US).
				"de", List.of("Cookies on this site", "Accept all", "Refuse all", "Customise"));
		expected.forEach((lang, texts) -> {
			open(lang);
			List<String> shown = new ArrayList<>();
			shown.add(banner().findElement(By.cssSelector(".cb h2")).getText());
			banner().findElements(By.cssSelector(".cb .b")).forEach(b -> shown.add(b.getText()));
			assertThat(shown).as(lang).isEqualTo(texts);
			assertThat(banner().findElement(By.cssSelector(".cb a")).getDomProperty("href"))
					.isEqualTo("http://localhost:" + port + "/c/" + site + "/declaration?lang="
							+ (lang.equals("de") ? "en" : lang.substring(0, 2)));
		});
	}

	@Test
	void aMaterialPublicationBringsTheBannerBack() {
		open("en");
		click(".cb .b", "Accept all");
		waitFor(d -> cookieNames().contains("_ga"));
		String visitorId = (String) consent().get("visitorId");

		// A non-material version: the choice stands.
		TestSite.publish(jdbc, json, versions, TestSite.declaration(site, 2, 1, List.of(testOrigin())));
		open("en", false);
		waitFor(d -> ((Number) js("return (window.ran || []).length")).intValue() == 4);

		// A material one: asked again, and nothing runs until then.
		TestSite.publish(jdbc, json, versions, TestSite.declaration(site, 3, 3, List.of(testOrigin())));
		open("en");
		assertThat(js("return window.ran")).isNull();
		assertThat(js("return Charter.consent()")).isNull();
		click(".cb .b", "Refuse all");
		waitFor(d -> consent() != null);
		assertThat(consent()).containsEntry("version", 3L).containsEntry("visitorId", visitorId);
		assertThat(sentRecords(2)).extracting(r -> r.get("version").asInt()).containsExactly(1, 3);
		// The refused cookies of the old choice are gone.
		assertThat(cookieNames()).doesNotContainAnyElementsOf(NON_NECESSARY);
	}

	@Test
	void axeFindsNoViolationOnEitherLayer() throws Exception {
		open("fr");
		assertThat(Axe.violations(browser, "charter-consent")).as("first layer").isEmpty();
		screenshot("banner-first-layer");
		click(".cb .b", "Personnaliser");
		waitFor(d -> banner().findElement(By.cssSelector(".cs")));
		banner().findElements(By.cssSelector("summary")).forEach(WebElement::click);
		assertThat(Axe.violations(browser, "charter-consent")).as("second layer").isEmpty();
		screenshot("banner-second-layer");
	}

	@Test
	void afterAChoiceTheSettingsLinkToTheRequestFormWithTheVisitorId() throws Exception {
		open("nl");
		// No visitor id before a choice: no link.
		click(".cb .b", "Aanpassen");
		waitFor(d -> banner().findElement(By.cssSelector(".cs")));
		assertThat(banner().findElements(By.cssSelector(".cs a[href*='/privacy/requests']"))).isEmpty();
		click(".cs .b", "Alles weigeren");
		String visitorId = waitFor(d -> consent() == null ? null : (String) consent().get("visitorId"));

		settingsButton().click();
		WebElement link = waitFor(d -> banner().findElement(By.cssSelector(".cs a[href*='/privacy/requests']")));
		assertThat(link.getText()).isEqualTo("Mijn cookiegegevens");
		assertThat(link.getDomProperty("href"))
				.isEqualTo("http://localhost:" + port + "/privacy/requests?visitor=" + visitorId + "&lang=nl");
		assertThat(Axe.violations(browser, "charter-consent")).as("second layer with the link").isEmpty();

		// The same on the next page, from the stored choice.
		open("nl", false);
		settingsButton().click();
		link = waitFor(d -> banner().findElement(By.cssSelector(".cs a[href*='/privacy/requests']")));
		link.click();
		waitFor(d -> browser.getCurrentUrl().startsWith("http://localhost:" + port + "/privacy/requests"));
		WebElement field = waitFor(d -> browser.findElement(By.id("visitorId")));
		assertThat(field.getDomProperty("value")).isEqualTo(visitorId);
		assertThat(js("return document.documentElement.lang")).isEqualTo("nl");
	}

	@Test
	void aPlaceholderForOneServiceNamesItAndAllowsThatServiceOnly() {
		open("en", true, "&service=tawk");
		click(".cb .b", "Refuse all");
		WebElement placeholder = waitFor(d -> browser.findElement(By.tagName("charter-placeholder")).getShadowRoot()
				.findElement(By.cssSelector(".ph")));
		assertThat(placeholder.getText()).isEqualTo("Tawk.to\n"
				+ "This content needs cookies of the category \u201cTracking cookies\u201d, used for:\n"
				+ "Record your visit for more targeted advertising and the live chat.\n"
				+ "Allow \u201cTawk.to\u201d and show");
		placeholder.findElement(By.cssSelector("button")).click();
		waitFor(d -> "Chat loaded".equals(frameText()));
		// The category's other scripts stay blocked: only the service was allowed.
		sleep(500);
		assertThat(js("return window.ran")).isNull();
		assertThat(js("return Charter.consent().categories")).isEqualTo(
				Map.of("necessary", true, "analytics", false, "tracking", false));
		assertThat(js("return Charter.consent().services")).isEqualTo(List.of("tracking:tawk"));
		JsonNode allowed = sentRecords(2).get(1);
		assertThat(allowed.get("method").asString()).isEqualTo("CUSTOM");
		assertThat(allowed.get("choices").toString()).isEqualTo("{\"analytics\":false,\"tracking\":false,\"tracking:tawk\":true}");
		String visitorId = (String) consent().get("visitorId");
		waitFor(d -> jdbc.sql("select count(*) from consent_record where visitor_id = :v").param("v", visitorId)
				.query(Integer.class).single() == 2);
		assertThat(jdbc.sql("select choices from consent_record where visitor_id = :v and method = 'CUSTOM'")
				.param("v", visitorId).query(String.class).single()).isEqualTo("analytics=0,tracking=0,tracking:tawk=1");

		// The next page shows the chat at once, still without the category's scripts.
		open("en", false, "&service=tawk");
		waitFor(d -> "Chat loaded".equals(frameText()));
		assertThat(js("return window.ran")).isNull();
		assertNoCspViolation();
	}

	@Test
	void aRecordAnswered503IsSentAgainWithTheTimeOfTheChoice() {
		open("en", true, "&fail=503:1");
		click(".cb .b", "Accept all");
		long chosen = ((Number) js("return Math.floor(Date.now() / 1000)")).longValue();
		// The choice applies at once, whatever the log answered.
		waitFor(d -> ((Number) js("return (window.ran || []).length")).intValue() == 4);
		// Tried again a second later, and recorded.
		JsonNode sent = sentRecords(1).get(0);
		assertThat(sent.get("method").asString()).isEqualTo("ACCEPT_ALL");
		assertThat(sent.get("age").asLong()).isBetween(0L, 3L);
		String consentId = waitFor(d -> (String) consent().get("consentId"));
		var times = jdbc.sql("select recorded_at, chosen_at from consent_record where id = :id")
				.param("id", java.util.UUID.fromString(consentId))
				.query((rs, n) -> List.of(rs.getObject(1, java.time.OffsetDateTime.class).toEpochSecond(),
						rs.getObject(2, java.time.OffsetDateTime.class).toEpochSecond())).single();
		assertThat(times.get(1)).isLessThanOrEqualTo(times.get(0)).isBetween(chosen - 3, chosen + 1);
		assertThat(browser.manage().getCookieNamed("charter_consent").getValue()).contains("." + consentId + ".");
	}

	@Test
	void aRecordLostToTheNetworkIsSentOnTheNextPageAsChosenAndItsReceiptShows() throws Exception {
		open("fr", true, "&fail=net:99");
		click(".cb .b", "Tout refuser");
		waitFor(d -> cookieNames().contains("charter_consent"));
		String visitorId = (String) consent().get("visitorId");
		long chosen = ((Number) js("return Math.floor(Date.now() / 1000)")).longValue();
		// Not recorded: the settings layer says so.
		settingsButton().click();
		waitFor(d -> banner().findElements(By.cssSelector(".cs p")).stream().anyMatch(p -> p.getText()
				.equals("Pas encore dans notre registre des consentements : il sera renvoyé.")));
		sleep(2_000);
		assertThat(jdbc.sql("select count(*) from consent_record where visitor_id = :v").param("v", visitorId)
				.query(Integer.class).single()).isZero();

		// The next page sends it, as it was chosen then: method, choices, language, and its age.
		open("nl", false);
		JsonNode sent = sentRecords(1).get(0);
		assertThat(sent.get("method").asString()).isEqualTo("REFUSE_ALL");
		assertThat(sent.get("choices").toString()).isEqualTo("{\"analytics\":false,\"tracking\":false}");
		assertThat(sent.get("language").asString()).isEqualTo("fr");
		assertThat(sent.get("age").asLong()).isGreaterThanOrEqualTo(2);
		String consentId = waitFor(d -> (String) consent().get("consentId"));
		long chosenAt = jdbc.sql("select chosen_at from consent_record where id = :id")
				.param("id", java.util.UUID.fromString(consentId)).query(java.time.OffsetDateTime.class).single()
				.toEpochSecond();
		assertThat(chosenAt).isBetween(chosen - 2, chosen + 1);

		// The receipt: consent id and date, and a link to read the record.
		settingsButton().click();
		WebElement link = waitFor(d -> banner().findElement(By.cssSelector(".cs a[href*='/consents/']")));
		assertThat(link.getDomProperty("href"))
				.isEqualTo("http://localhost:" + port + "/c/" + site + "/consents/" + consentId);
		assertThat(link.getText()).isEqualTo("De registratie lezen");
		// The date of the choice, as the browser writes dates in the banner's language.
		String date = (String) js("return new Date(Charter.consent().time).toLocaleString('nl')");
		assertThat(((WebElement) js("return arguments[0].parentNode", link)).getText())
				.isEqualTo("Toestemming " + consentId + " van " + date + ". De registratie lezen");
		assertThat(Axe.violations(browser, "charter-consent")).as("second layer with the receipt").isEmpty();
		link.click();
		waitFor(d -> browser.getPageSource().contains(consentId) && browser.getPageSource().contains("REFUSE_ALL"));
		sleep(300);
		assertThat(sentRecords(1)).hasSize(1);
	}

	// ---- the test site ----------------------------------------------------------------------------

	String testOrigin() {
		return "http://127.0.0.1:" + testSite.getAddress().getPort();
	}

	static void serveTestSite(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				query.put(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		String type = "text/javascript";
		String body;
		switch (path) {
			case "/page" -> {
				type = "text/html;charset=utf-8";
				body = page(query.get("site"), query.get("lang"), query.get("charter"), query.containsKey("csp"),
						query.get("service"), query.get("fail"));
				if (query.containsKey("csp")) {
					String charter = "http://localhost:" + query.get("charter");
					exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'self' "
							+ charter + "; style-src " + charter + "; connect-src " + charter);
				}
			}
			case "/analytics.js" -> {
				sleep(300); // slower than the next ones: they must still wait for it
				body = """
						(window.ran = window.ran || []).push('analytics-1');
						document.cookie = '_ga=GA1.1.test; path=/; max-age=3600';
						document.cookie = '_ga_TEST=GS1.1.test; path=/; max-age=3600';
						document.cookie = '_lr_test=1; path=/; max-age=3600';
						document.cookie = '_lr_test=2; path=/page; max-age=3600';""";
			}
			case "/second.js" -> body = "(window.ran = window.ran || []).push('analytics-3');";
			case "/tracking.js" -> body = """
					(window.ran = window.ran || []).push('tracking-4');
					document.cookie = '_tawkuuid=test; path=/; max-age=3600';""";
			case "/careless.js" -> body = """
					window.earlyRan = true;
					document.cookie = '_ga=GA1.1.careless; path=/; max-age=3600';
					window.pageClicks = 0;
					document.addEventListener('click', e => { if (e.target.id === 'page-button') window.pageClicks++; });""";
			case "/frame.html" -> {
				type = "text/html;charset=utf-8";
				body = "<!doctype html><html lang=\"en\"><title>Chat</title><p id=\"chat\">Chat loaded</p></html>";
			}
			default -> {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/**
	 * @param service the service the chat iframe names ({@code data-service}), or null
	 * @param fail {@code <status>:<n>} or {@code net:<n>}: the page's first n consent records get that
	 *        status, or a network error, before the real consent log sees them
	 */
	static String page(String site, String lang, String charter, boolean strict, String service, String fail) {
		String inline = strict ? "" : """
				<script type="text/plain" data-category="analytics">(window.ran = window.ran || []).push('inline-2')</script>""";
		String tracking = strict ? "" : """
				<script type="text/plain" data-category="tracking" src="/tracking.js"></script>
				<iframe data-category="tracking"%s data-src="/frame.html" title="Live chat" width="400" height="200"></iframe>"""
				.formatted(service == null ? "" : " data-service=\"" + service + "\"");
		String failing = fail == null ? "" : """
				<script>
				(() => {
				  const [kind, n] = '%s'.split(':'), real = window.fetch;
				  let left = +n;
				  window.fetch = (url, init) => String(url).endsWith('/consents') && left-- > 0
				      ? (kind == 'net' ? Promise.reject(new TypeError('Failed to fetch'))
				          : Promise.resolve(new Response('{}', {status: +kind})))
				      : real(url, init);
				})();
				</script>""".formatted(fail.replaceAll("[^a-z0-9:]", ""));
		return """
				<!doctype html>
				<html lang="%s">
				<head>
				<meta charset="utf-8">
				<title>Test site</title>
				%s
				<script src="http://localhost:%s/c/%s/banner.js"></script>
				<script src="/careless.js"></script>
				</head>
				<body>
				<main>
				<h1>Test site</h1>
				<p>Some text and <a href="#top">a link</a>.</p>
				<button type="button" id="page-button">A button of the page</button>
				<script type="text/plain" data-category="analytics" src="/analytics.js"></script>
				%s
				<script type="text/plain" data-category="analytics" src="/second.js"></script>
				%s
				</main>
				</body>
				</html>""".formatted(lang, failing, charter, site, inline, tracking);
	}

	// ---- helpers ----------------------------------------------------------------------------------

	static final String ACTIVE = "(function(){let a = document.activeElement;"
			+ " while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a;})()";

	void open(String lang) {
		open(lang, true);
	}

	void open(String lang, boolean banner) {
		open(lang, banner, "");
	}

	/** Loads the test page, with more of its query; with {@code banner}, waits until the first layer shows. */
	void open(String lang, boolean banner, String query) {
		browser.get(testOrigin() + "/page?site=" + site + "&charter=" + port + "&lang=" + lang + query);
		waitFor(d -> js("return window.Charter ? document.readyState : null") != null
				&& "complete".equals(js("return document.readyState")));
		if (banner) {
			waitFor(d -> banner().findElement(By.cssSelector(".cb")).isDisplayed());
		}
	}

	SearchContext banner() {
		return browser.findElement(By.tagName("charter-consent")).getShadowRoot();
	}

	WebElement settingsButton() {
		return waitFor(d -> banner().findElement(By.cssSelector(".sb")));
	}

	void click(String selector, String text) {
		waitFor(d -> banner().findElements(By.cssSelector(selector)).stream().filter(b -> b.getText().equals(text))
				.findFirst().orElse(null)).click();
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> consent() {
		return (Map<String, Object>) js("return Charter.consent()");
	}

	String frameText() {
		return (String) js("const f = document.querySelector('iframe');"
				+ " try { return f.contentDocument.getElementById('chat').textContent } catch (e) { return null }");
	}

	Set<String> cookieNames() {
		return browser.manage().getCookies().stream().map(Cookie::getName).collect(Collectors.toSet());
	}

	/** Each Consent Mode update pushed so far, as JSON. */
	@SuppressWarnings("unchecked")
	List<String> consentModeUpdates() {
		return (List<String>) js("return dataLayer.filter(a => a[0] === 'consent' && a[1] === 'update')"
				+ ".map(a => JSON.stringify(a[2]))");
	}

	/** Every POST to the consent log this test made, as Chromium saw it leave. */
	List<JsonNode> sentRequests() {
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = json.readTree(entry.getMessage()).get("message");
			if ("Network.requestWillBeSent".equals(message.get("method").asString())) {
				JsonNode request = message.get("params").get("request");
				if ("POST".equals(request.get("method").asString()) && request.get("url").asString().endsWith("/consents")) {
					sent.add(request);
				}
			}
		}
		return List.copyOf(sent);
	}

	// The performance log hands each entry out once.
	final List<JsonNode> sent = new ArrayList<>();

	/** The bodies of the records sent so far, once there are at least {@code count}. */
	List<JsonNode> sentRecords(int count) {
		waitFor(d -> sentRequests().size() >= count);
		return sentRequests().stream().map(r -> json.readTree(r.get("postData").asString())).toList();
	}

	<T> T waitFor(Function<Object, T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.NoSuchElementException.class)
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> {
					T value = condition.apply(d);
					return Boolean.FALSE.equals(value) ? null : value;
				});
	}

	/** What has focus, even inside a shadow root: tag.class:text, or tag#id. */
	String focused() {
		return (String) js("const a = " + ACTIVE + "; if (!a) return null;"
				+ " const tag = a.tagName.toLowerCase();"
				+ " if (tag === 'input') return 'input#' + a.id;"
				+ " if (tag === 'div') return 'div.' + a.className;"
				+ " if (tag === 'summary') return 'summary';"
				+ " return tag + (a.className ? '.' + a.className : '') + ':' + a.textContent.trim();");
	}

	void press(CharSequence key) {
		new Actions(browser).sendKeys(key).perform();
	}

	void tab() {
		press(Keys.TAB);
	}

	void tabUntil(String target) {
		for (int i = 0; i < 30 && !target.equals(focused()); i++) {
			tab();
		}
		assertThat(focused()).isEqualTo(target);
	}

	void assertNoCspViolation() {
		List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(e -> e.getMessage().contains("Content Security Policy")).toList();
		assertThat(console).isEmpty();
		assertThat(js("return window.__violations")).isEqualTo(List.of());
	}

	void screenshot(String name) {
		try {
			File shot = browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
			Files.copy(shot.toPath(), new File("target/" + name + ".png").toPath(),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException e) {
			// only for a person to look at
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
