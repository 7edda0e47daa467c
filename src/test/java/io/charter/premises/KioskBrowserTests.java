package io.charter.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
import io.charter.shared.Role;

/**
 * The kiosk in a real headless Chromium at a phone's size (390 px, touch): a walk-in checked in, the
 * kiosk blank again for the next visitor, check-out by badge; axe-core finds nothing on the kiosk,
 * the walk-in form and the incident report form.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KioskBrowserTests {

	static final File CHROMIUM = new File(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
	static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	static WebDriver browser;

	@LocalServerPort
	int port;
	@Autowired
	Fixtures fixtures;
	@Autowired
	DirectoryChanges people;
	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() throws Exception {
		Assumptions.assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute() || System.getenv("CI") != null,
				"Browser tests skipped: no Chromium at " + CHROMIUM);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-dev-shm-usage", "--touch-events=enabled",
				"--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		browser.manage().window().setSize(new Dimension(390, 844));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aWalkInChecksInAndOutAtAPhoneSizedKiosk() {
		String p = UUID.randomUUID().toString().substring(0, 6);
		String host = "kb-" + p + "@example.test";
		people.create(new PersonDetails("Kim Host " + p, host, null, PersonKind.EMPLOYEE, null, null,
				LocalDate.of(2024, 1, 1), null, "en"));
		String receptionist = fixtures.user(Role.RECEPTION).email();
		signIn(receptionist);

		browser.get(url("/kiosk?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome");
		assertThat(Axe.violations((JavascriptExecutor) browser)).isEmpty();
		assertThat(pageWidth()).isLessThanOrEqualTo(390);
		// Targets big enough for a finger.
		assertThat(browser.findElement(By.cssSelector(".kiosk button")).getSize().getHeight()).isGreaterThanOrEqualTo(44);

		browser.findElement(By.linkText("Register a visitor not announced")).click();
		assertThat(Axe.violations((JavascriptExecutor) browser)).isEmpty();
		browser.findElement(By.id("p-name")).sendKeys("Walter " + p);
		browser.findElement(By.id("p-company")).sendKeys("Acme");
		browser.findElement(By.id("p-badge")).sendKeys("K" + p);
		browser.findElement(By.cssSelector("form[action='/kiosk/walk-in'] button")).click();
		// No host: refused, what was typed kept.
		assertThat(browser.findElement(By.id("p-host-error")).getText()).isEqualTo("A visitor needs a host employee.");
		assertThat(browser.findElement(By.id("p-name")).getAttribute("value")).isEqualTo("Walter " + p);
		browser.findElement(By.id("p-host")).sendKeys(host);
		browser.findElement(By.cssSelector("form[action='/kiosk/walk-in'] button")).click();

		// The form's page is under /kiosk too: wait for the answer's text, found again on the new page.
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Checked in with badge K" + p));
		String shown = browser.findElement(By.tagName("main")).getText();
		assertThat(shown).contains("Checked in with badge K" + p).doesNotContain("Walter");
		assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to and template = 'premises-visitor-arrived'")
				.param("to", host).query(Integer.class).single()).isEqualTo(1);

		browser.findElement(By.id("k-badge")).sendKeys("K" + p, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "checked out"));
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Walter");
	}

	@Test
	void theIncidentFormPassesAxeOnAPhone() {
		String email = Fixtures.uniqueEmail("reporter");
		people.create(new PersonDetails("Rae Reporter", email, null, PersonKind.EMPLOYEE, null, null,
				LocalDate.of(2024, 1, 1), null, "fr"));
		fixtures.user(email, "fr", Role.EMPLOYEE);
		signIn(email);
		for (String language : new String[] { "fr", "nl", "en" }) {
			browser.get(url("/incidents/report?lang=" + language));
			assertThat(Axe.violations((JavascriptExecutor) browser)).as(language).isEmpty();
			assertThat(pageWidth()).isLessThanOrEqualTo(390);
			// Three fields, then Send.
			assertThat(browser.findElements(By.cssSelector("form[action='/incidents/report'] > select, "
					+ "form[action='/incidents/report'] > input:not([type=hidden]), form[action='/incidents/report'] > textarea")))
					.hasSize(3);
		}
	}

	private long pageWidth() {
		return ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
				.longValue();
	}

	private void signIn(String email) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD, Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
