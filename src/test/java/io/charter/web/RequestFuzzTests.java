package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import io.charter.Fixtures;
import io.charter.consent.log.ConsentLogSites;
import io.charter.shared.Role;
import io.charter.web.AccessMatrixTests.Access;
import io.charter.web.AccessMatrixTests.Endpoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security tester's fuzz, left as a test: every JSON endpoint (the API, SCIM, osquery, the
 * consent log, the actuator; enumerated as {@link AccessMatrixTests} does) is sent broken input by a
 * caller the access matrix lets in, so the input reaches the body parsing: an oversized body, broken
 * JSON, a wrong content type, deep nesting, invalid UTF-8, wrong types and unknown enum values, a huge
 * query string and huge path values. Each must be a 4xx in the endpoint's error format, never a 500 or
 * a stack trace, and write nothing. Representative forms get oversized fields and injection strings:
 * refused with a field error or stored and shown escaped. Over the real port, so Tomcat's limits, the
 * valves and every filter take part; failures are collected and reported together.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestFuzzTests {

	static final String LARGE = "5 MB body";
	static final String HUGE_QUERY = "huge query string";
	static final String HUGE_PATH = "path value of 100000 characters";
	static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
	static final String SCRIPT = "<script>alert(1)</script>";
	static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
	static final List<String> INJECTIONS = List.of(SCRIPT, "' OR 1=1 --", "{{7*7}}", "${7*7}");
	static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|java\\.|tools\\.jackson|org\\.springframework|io\\.charter");

	@LocalServerPort
	int port;
	@Autowired
	ApplicationContext context;
	@Autowired
	Fixtures fixtures;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();
	/** Per kind of input, how often each status answered it: printed, for whoever reads the run. */
	final Map<String, Map<Integer, Integer>> statuses = new java.util.TreeMap<>();

	/** One broken request: what it is called in a failure, its body and content type. */
	record Input(String name, byte[] body, String contentType, boolean chunked) {

		Input(String name, byte[] body, String contentType) {
			this(name, body, contentType, false);
		}

		static Input json(String name, String body) {
			return new Input(name, body.getBytes(StandardCharsets.UTF_8), "application/json");
		}
	}

	@Test
	void brokenInputToEveryJsonEndpointIsAClientErrorInItsFormatAndWritesNothing() throws Exception {
		Map<String, Access> matrix = AccessMatrixTests.matrix();
		Map<Role, String> tokens = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			tokens.put(role, fixtures.tokenFor(role));
		}
		String scim = secret(send("POST", "/api/v1/people/scim-credentials", "Bearer " + tokens.get(Role.ADMIN),
				Input.json("", "{\"name\": \"fuzz " + UUID.randomUUID() + "\"}")), "secret");
		String consentSite = new ConsentLogSites(jdbc, json).site();
		List<String> tables = List.of("consent_record", "scim_user_name", "person", "device", "enroll_secret", "rights_request");
		Map<String, Long> before = counts(tables);

		List<String> failures = new ArrayList<>();
		List<Input> broken = broken();
		Map<Endpoint, HandlerMethod> handlers = AccessMatrixTests.handlers(context);
		List<Endpoint> endpoints = new ArrayList<>(handlers.keySet());
		endpoints.add(new Endpoint("POST", "/c/" + consentSite + "/consents", true)); // answered ahead of Spring MVC
		int requests = 0;
		for (Endpoint endpoint : endpoints) {
			if (!json(endpoint)) {
				continue;
			}
			String auth = authorisation(endpoint, matrix.get(endpoint.key()), tokens, scim);
			String path = endpoint.path();
			List<Input> inputs = new ArrayList<>();
			if (endpoint.unsafe()) {
				inputs.addAll(broken);
				HandlerMethod handler = handlers.get(endpoint);
				if (handler != null) {
					inputs.addAll(wrongTypes(handler));
				}
			}
			for (Input input : inputs) {
				requests++;
				check(failures, endpoint, path, input.name(), send(endpoint.method(), path, auth, input));
			}
			Input none = endpoint.unsafe() ? Input.json("", "{}") : null;
			requests += 2;
			check(failures, endpoint, path + "?q=" + "a".repeat(100_000), HUGE_QUERY,
					send(endpoint.method(), path + "?q=" + "a".repeat(100_000), auth, none));
			if (path.contains(AccessMatrixTests.UUID_VALUE) || path.matches(".*/(1|x|a1)(/.*)?$")) {
				for (int size : new int[] { 6_000, 100_000 }) {
					String huge = hugePath(endpoint, "b".repeat(size));
					requests++;
					check(failures, endpoint, huge, "path value of " + size + " characters", send(endpoint.method(), huge, auth, none));
				}
			}
		}
		Map<String, Long> after = counts(tables);
		System.out.println("RequestFuzzTests: " + requests + " broken requests, statuses per input: " + statuses);
		assertThat(failures).as("Broken input not answered as a client error in the endpoint's format (%d of %d requests)",
				failures.size(), requests).isEmpty();
		assertThat(after).as("Rows written by broken input").isEqualTo(before);
	}

	@Test
	void formsRefuseOrEscapeOversizedAndInjectedFields() throws Exception {
		List<String> failures = new ArrayList<>();
		Session admin = signIn(Role.ADMIN);
		String policies = admin.get("/policies").body();
		Matcher document = Pattern.compile("href=\"(/policies/(?!new\")[A-Za-z0-9_.-]+)\"").matcher(policies);
		List<String[]> forms = new ArrayList<>(List.of(
				new String[] { "ADMIN", "/people/new", "/people" },
				new String[] { "ADMIN", "/training/sessions/new", "/training/sessions" },
				new String[] { "EMPLOYEE", "/visitors", "/visitors" },
				new String[] { "SECURITY", "/exemptions/requests/new", "/exemptions/requests" },
				new String[] { "ADMIN", "/policies/new", "/policies/new" },
				new String[] { "", "/privacy/requests", "/privacy/requests" }));
		if (document.find()) {
			forms.add(new String[] { "ADMIN", document.group(1) + "/draft", document.group(1) + "/draft" });
		}
		else {
			failures.add("no policy document to edit on /policies");
		}
		List<String> values = new ArrayList<>(INJECTIONS);
		values.add("x".repeat(100_000));
		for (String[] form : forms) {
			Session session = form[0].isEmpty() ? new Session() : signIn(Role.valueOf(form[0]));
			for (String value : values) {
				String name = form[2] + " with " + (value.length() > 40 ? value.length() + " characters" : value);
				HttpResponse<String> page = session.get(form[1]);
				Map<String, String> fields = fields(page.body(), form[2], value);
				if (fields == null) {
					failures.add(name + ": no form posting to " + form[2] + " on " + form[1] + " (" + page.statusCode() + ")");
					continue;
				}
				HttpResponse<String> answer = session.post(form[2], fields);
				String shown = answer.body();
				if (answer.statusCode() == 302 || answer.statusCode() == 303) {
					String location = answer.headers().firstValue("Location").orElse("/");
					shown += session.get(URI.create(location).getPath()).body();
				}
				if (answer.statusCode() >= 500 || LEAK.matcher(shown).find()) {
					failures.add(name + ": " + answer.statusCode() + " " + excerpt(shown));
				}
				if (shown.contains(SCRIPT)) {
					failures.add(name + ": the raw tag is in the page");
				}
				boolean stored = answer.statusCode() == 302 || answer.statusCode() == 303;
				if (value.equals(SCRIPT) && stored && !shown.contains(ESCAPED)) {
					// Shown on the form's page (a draft), or only to staff elsewhere (the public request form).
					String again = session.get(form[1]).body();
					if (again.contains(SCRIPT) || !again.contains(ESCAPED) && !form[2].equals("/privacy/requests")) {
						failures.add(name + ": stored, but not shown escaped after it nor on " + form[1]);
					}
				}
			}
		}
		assertThat(failures).as("Form fields not refused nor escaped").isEmpty();
	}

	// --- the inputs ---

	static List<Input> broken() {
		List<Input> inputs = new ArrayList<>();
		byte[] large = ("{\"name\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		inputs.add(new Input(LARGE, large, "application/json"));
		inputs.add(new Input("5 MB body, chunked", large, "application/json", true));
		inputs.add(Input.json("malformed JSON", "{\"name\": \"x\", "));
		inputs.add(new Input("wrong content type", "{}".getBytes(StandardCharsets.UTF_8), "text/xml"));
		inputs.add(Input.json("10,000 levels deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
		inputs.add(Input.json("10,000 arrays deep", "[".repeat(10_000) + "]".repeat(10_000)));
		ByteArrayOutputStream invalid = new ByteArrayOutputStream();
		invalid.writeBytes("{\"name\": \"".getBytes(StandardCharsets.UTF_8));
		invalid.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE });
		invalid.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
		inputs.add(new Input("invalid UTF-8", invalid.toByteArray(), "application/json"));
		return inputs;
	}

	/** Per field of the body's record: a string where a number, boolean, date or UUID goes, an unknown enum value. */
	static List<Input> wrongTypes(HandlerMethod handler) {
		List<Input> inputs = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (!parameter.hasParameterAnnotation(RequestBody.class) || !type.isRecord()) {
				continue;
			}
			for (RecordComponent component : type.getRecordComponents()) {
				Class<?> field = component.getType();
				String wrong = field.isEnum() ? "NO_SUCH_VALUE"
						: Number.class.isAssignableFrom(field) || field == int.class || field == long.class || field == double.class
								? "not-a-number"
						: field == boolean.class || field == Boolean.class ? "not-a-boolean"
						: Temporal.class.isAssignableFrom(field) || java.time.Duration.class == field ? "not-a-date"
						: field == UUID.class ? "not-a-uuid" : null;
				if (wrong != null) {
					inputs.add(Input.json(component.getName() + " = " + wrong, "{\"" + component.getName() + "\": \"" + wrong + "\"}"));
				}
			}
		}
		return inputs;
	}

	// --- the checks ---

	static boolean json(Endpoint endpoint) {
		String p = endpoint.pattern();
		return p.startsWith("/api/") || p.startsWith("/scim/") || p.startsWith("/osquery/") || p.startsWith("/c/")
				|| p.startsWith("/actuator");
	}

	void check(List<String> failures, Endpoint endpoint, String path, String input, HttpResponse<String> response) {
		int status = response.statusCode();
		String body = response.body();
		String type = response.headers().firstValue("Content-Type").orElse("");
		statuses.computeIfAbsent(input.replaceAll("^\\w+ = .*", "wrong type"), k -> new java.util.TreeMap<>()).merge(status, 1, Integer::sum);
		String wrong = null;
		if (endpoint.pattern().startsWith("/osquery/") && status == 200 && body.contains("\"node_invalid\":true")) {
			return; // osquery's documented answer to a body without a valid node key, whatever its type
		}
		if (status < 400 || status >= 500) {
			wrong = "not a client error";
		}
		else if (input.equals(LARGE) && status != 413) {
			wrong = "not refused unread (413)";
		}
		else if (LEAK.matcher(body).find()) {
			wrong = "leaks internals";
		}
		else if (input.equals(HUGE_QUERY) || input.equals(HUGE_PATH)) {
			// Tomcat refuses the over-long request line before it knows the path: the one answer it can give.
			if (status != 400 || !type.startsWith("application/problem+json") && !body.contains(SCIM_ERROR)) {
				wrong = "not the container's refusal";
			}
		}
		else if (endpoint.pattern().equals("/c/{site}/banner.js") || endpoint.pattern().startsWith("/actuator/health")) {
			// Their documented answers: a script comment a page can load (banner.md); actuator's empty 404.
			if (status != 404) {
				wrong = "not the documented 404";
			}
		}
		else if (endpoint.pattern().startsWith("/c/{site}/declaration")) {
			// Public HTML pages (the declaration and its fragment): an unknown site is the HTML 404 page.
			if (status != 404 || !type.startsWith("text/html")) {
				wrong = "not the declaration's 404 page";
			}
		}
		else if (endpoint.pattern().startsWith("/scim/")) {
			if (!body.contains(SCIM_ERROR)) {
				wrong = "not a SCIM error";
			}
		}
		else if (!type.startsWith("application/problem+json")) {
			wrong = "not a problem detail";
		}
		if (wrong != null) {
			failures.add(endpoint.key() + " [" + input + "] " + wrong + ": " + status + " " + type + " " + excerpt(body)
					+ (path.length() > 200 ? "" : " (" + path + ")"));
		}
	}

	static String excerpt(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
	}

	static String hugePath(Endpoint endpoint, String value) {
		String path = endpoint.path();
		int at = path.indexOf(AccessMatrixTests.UUID_VALUE);
		if (at >= 0) {
			return path.substring(0, at) + value + path.substring(at + AccessMatrixTests.UUID_VALUE.length());
		}
		return path.replaceFirst("/(1|x|a1)(/|$)", "/" + value + "$2");
	}

	/** Who the matrix lets in: the endpoint's own credential, else an admin's or the first allowed role's token. */
	static String authorisation(Endpoint endpoint, Access access, Map<Role, String> tokens, String scim) {
		if (endpoint.pattern().startsWith("/scim/")) {
			return "Bearer " + scim;
		}
		if (access == null || access.spec().equals("public") || access.spec().equals("scim")) {
			return null;
		}
		if (access.spec().equals("signed-in") || access.roles().contains(Role.ADMIN)) {
			return "Bearer " + tokens.get(Role.ADMIN);
		}
		return access.roles().isEmpty() ? null : "Bearer " + tokens.get(access.roles().iterator().next());
	}

	Map<String, Long> counts(List<String> tables) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : tables) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	// --- HTTP ---

	HttpResponse<String> send(String method, String path, String authorisation, Input input) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorisation != null) {
			request.header("Authorization", authorisation);
		}
		if (path.startsWith("/c/")) {
			request.header("Origin", "https://www.wegroup.test"); // the test site's, so the consent log reads the body
		}
		if (input != null) {
			request.header("Content-Type", input.contentType());
			request.method(method, input.chunked()
					? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(input.body()))
					: HttpRequest.BodyPublishers.ofByteArray(input.body()));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException closed) {
			// A kept-alive connection the server closed after its last refusal: once more on a new one.
			try {
				return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (java.io.IOException again) {
				return new Refused(again.getMessage());
			}
		}
	}

	String secret(HttpResponse<String> response, String field) throws Exception {
		return json.readTree(response.body()).get(field).asString();
	}

	Session signIn(Role role) throws Exception {
		Session session = new Session();
		Map<String, String> login = new LinkedHashMap<>();
		login.put("username", fixtures.user(role).email());
		login.put("password", Fixtures.PASSWORD);
		login.put("_csrf", csrf(session.get("/login").body()));
		session.post("/login", login);
		return session;
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		return m.find() ? m.group(1) : "";
	}

	/**
	 * The fields of the form posting to {@code action}, filled: text fields with {@code value}, other
	 * inputs with something plausible, so the text is what decides.
	 */
	static Map<String, String> fields(String html, String action, String value) {
		Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
				.matcher(html);
		if (!form.find()) {
			return null;
		}
		String inside = form.group(1);
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input([^>]*)>").matcher(inside);
		while (input.find()) {
			String name = attribute(input.group(1), "name");
			String type = attribute(input.group(1), "type");
			if (name == null || fields.containsKey(name)) {
				continue;
			}
			type = type == null ? "text" : type;
			switch (type) {
			case "hidden", "radio" -> fields.put(name, attribute(input.group(1), "value") == null ? "" : attribute(input.group(1), "value"));
			case "checkbox", "submit", "button", "file" -> { }
			case "email" -> fields.put(name, Fixtures.uniqueEmail("fuzz"));
			case "date" -> fields.put(name, "2027-01-15");
			case "datetime-local" -> fields.put(name, "2027-01-15T10:00");
			case "time" -> fields.put(name, "10:00");
			case "number" -> fields.put(name, "1");
			default -> fields.put(name, value);
			}
		}
		Matcher textarea = Pattern.compile("<textarea([^>]*)>").matcher(inside);
		while (textarea.find()) {
			fields.putIfAbsent(attribute(textarea.group(1), "name"), value);
		}
		Matcher select = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(inside);
		while (select.find()) {
			Matcher option = Pattern.compile("<option[^>]*value=\"([^\"]+)\"").matcher(select.group(2));
			fields.putIfAbsent(attribute(select.group(1), "name"), option.find() ? option.group(1) : "");
		}
		fields.remove(null);
		return fields;
	}

	static String attribute(String tag, String name) {
		Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
		return m.find() ? m.group(1).replace("&amp;", "&") : null;
	}

	/** A browser's cookie jar, without following redirects. */
	final class Session {

		final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> get(String path) throws Exception {
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
			String form = fields.entrySet().stream()
					.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"));
			return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	/** The answer of a request whose connection the server closed before answering. */
	record Refused(String reason) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return 499;
		}

		@Override
		public HttpRequest request() {
			return null;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
		}

		@Override
		public String body() {
			return "connection closed: " + reason;
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			return null;
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}
	}
}
