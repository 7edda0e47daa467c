package io.charter.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.charter.CharterApplication;
import io.charter.Concurrently;
import io.charter.shared.Role;

/**
 * The one-time setup link of a first start without administrator, on a database of its own (a
 * fresh in-memory H2, or a fresh schema of CI's PostgreSQL): the shared test database already has
 * an administrator, and the link only exists while there is none.
 */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class SetupLinkTests {

	private static final Pattern LINK = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]{43})");
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Test
	void theSetupLinkUsedSixTimesAtOnceMakesOneAdministrator(CapturedOutput output) throws Exception {
		String schema = "setup_" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext charter = firstStart(schema)) {
			JdbcClient jdbc = charter.getBean(JdbcClient.class);
			try {
				Matcher printed = LINK.matcher(output.toString());
				assertThat(printed.find()).as("the setup link in the log").isTrue();
				String token = printed.group(1);
				String base = "http://localhost:" + ((WebServerApplicationContext) charter).getWebServer().getPort();

				// The sign-in page of the fresh install says where the link is, without the link.
				String signIn = Browser.get(base, "/login").body();
				assertThat(signIn).contains("server log (the console where Charter was started)")
						.doesNotContain(token);
				assertThat(Browser.get(base, "/login?lang=fr").body()).contains("dans le journal du serveur Charter");

				// Six browsers open the link, then all submit the form at the same instant.
				List<Browser> browsers = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					browsers.add(Browser.onSetupPage(base, token));
				}
				List<Object> answers = Concurrently.run(browsers.size(), i -> browsers.get(i).createAdministrator(
						"admin-" + i + "@setup.test", "setup-password-" + i));

				// The one who created the administrator is signed in and lands on the dashboard.
				assertThat(answers).as("answers to the six forms").filteredOn("/"::equals).hasSize(1);
				assertThat(answers).as("the others").filteredOn(a -> !"/".equals(a)).containsOnly(404);
				Browser winner = browsers.get(answers.indexOf("/"));
				HttpResponse<String> dashboard = winner.client().send(
						HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(dashboard.statusCode()).as("the dashboard, signed in").isEqualTo(200);
				assertThat(dashboard.body()).contains("<h1>Dashboard</h1>", "Admin");
				assertThat(jdbc.sql("select roles from app_user").query(String.class).list())
						.as("accounts after the race").filteredOn(r -> Roles.parse(r).contains(Role.ADMIN)).hasSize(1);
				assertThat(Browser.get(base, "/setup?token=" + token).statusCode()).as("the link afterwards").isEqualTo(404);
				assertThat(Browser.get(base, "/login").body()).as("the sign-in page afterwards").doesNotContain("setup-hint");
			}
			finally {
				if (postgresql()) {
					jdbc.sql("drop schema " + schema + " cascade").update();
				}
			}
		}
	}

	/** Charter on an empty database, with no administrator configured: it prints the setup link. */
	static ConfigurableApplicationContext firstStart(String schema) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--charter.scheduling.enabled=false", "--charter.identity.admin-email=", "--charter.identity.admin-password="));
		String shared = System.getenv("SPRING_DATASOURCE_URL");
		if (postgresql()) {
			args.add("--spring.datasource.url=" + shared + (shared.contains("?") ? "&" : "?") + "currentSchema=" + schema);
			args.add("--spring.flyway.schemas=" + schema);
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:mem:" + schema
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		return new SpringApplicationBuilder(CharterApplication.class).run(args.toArray(String[]::new));
	}

	static boolean postgresql() {
		String shared = System.getenv("SPRING_DATASOURCE_URL");
		return shared != null && shared.startsWith("jdbc:postgresql:");
	}

	/** A browser with its own session, on the setup page. */
	record Browser(HttpClient client, String base, String token, String csrf) {

		static Browser onSetupPage(String base, String token) throws Exception {
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/setup?token=" + token)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as("the setup page").isEqualTo(200);
			Matcher csrf = CSRF.matcher(page.body());
			assertThat(csrf.find()).as("a CSRF field").isTrue();
			return new Browser(client, base, token, csrf.group(1));
		}

		/** Where the form sends the browser, or the status when it does not. */
		Object createAdministrator(String email, String password) throws Exception {
			String form = "_csrf=" + enc(csrf) + "&token=" + enc(token) + "&email=" + enc(email) + "&displayName=Admin"
					+ "&password=" + enc(password);
			HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/setup"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() == 302 ? answer.headers().firstValue("Location").orElseThrow()
					.replaceFirst("^https?://[^/]+", "") : answer.statusCode();
		}

		static HttpResponse<String> get(String base, String path) throws Exception {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}
}
