package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.shared.Role;

/**
 * Every endpoint Spring MVC serves (the controllers' mappings and actuator's), asked by every kind of
 * caller, against the access matrix kept as data in {@code access-matrix.csv}: who reaches it
 * (allowed), who is sent to sign in (401 or the login page) and who is refused (403). A new endpoint
 * without a row fails here, so its access is decided, not inherited. Unsafe methods without a CSRF
 * token are refused to a cookie session holding every role. One context, MockMvc, one loop per test.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTests {

	static final String MATRIX = "/access-matrix.csv";

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	ApplicationContext context;

	/** What became of a request, as far as access goes. */
	enum Outcome {
		/** Past access control: whatever the endpoint answered (2xx, 3xx elsewhere, 400, 404, 405, 409 ...). */
		ALLOWED,
		/** 401, or sent to the sign-in page. */
		SIGN_IN,
		/** 403. */
		REFUSED
	}

	/** One method on one path pattern, as the handler mappings declare it. */
	record Endpoint(String method, String pattern, boolean jsonBody) {

		String key() {
			return method + " " + pattern;
		}

		boolean unsafe() {
			return !method.equals("GET");
		}

		boolean api() {
			return pattern.startsWith("/api/") || pattern.startsWith("/actuator");
		}

		/** Paths answered by a stateless chain of their own: no session, no CSRF. */
		boolean machine() {
			return pattern.startsWith("/c/") || pattern.startsWith("/osquery/") || pattern.startsWith("/scim/")
					|| pattern.startsWith("/api/v1/rights/callbacks");
		}

		/** The pattern with each variable and wildcard filled with a harmless value. */
		String path() {
			Matcher m = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (m.find()) {
				String regex = m.group(2);
				String value = regex == null || UUID_VALUE.matches(regex) ? UUID_VALUE
						: "1".matches(regex) ? "1" : "x".matches(regex) ? "x" : "a1";
				m.appendReplacement(path, Matcher.quoteReplacement(value));
			}
			m.appendTail(path);
			return path.toString().replace("**", "x").replace("*", "x");
		}
	}

	static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)(?::([^}]*))?}");
	static final String UUID_VALUE = "0d6f1c3a-9b8e-4b9f-8c1d-5a0e2f3b4c5d";

	/**
	 * Who reaches an endpoint, from the matrix: {@code public} (everyone), {@code scim} (a SCIM
	 * credential only), {@code signed-in} (any role), or the roles that do.
	 */
	record Access(String spec) {

		Outcome expected(Caller caller, Endpoint endpoint) {
			boolean bearer = caller.kind == Kind.TOKEN || caller.kind == Kind.SCIM || caller.kind == Kind.NODE_KEY;
			if (bearer && endpoint.unsafe() && !endpoint.api() && !endpoint.machine()
					&& !endpoint.pattern().startsWith("/privacy/")) {
				return Outcome.REFUSED; // a page's form without its CSRF token, whatever the header says
			}
			if (bearer && caller.kind != Kind.TOKEN && endpoint.pattern().startsWith("/actuator")) {
				return Outcome.SIGN_IN; // the API chain rejects a bearer it does not know, even on health
			}
			if (spec.equals("public")) {
				return Outcome.ALLOWED;
			}
			if (spec.equals("scim")) {
				return caller.kind == Kind.SCIM ? Outcome.ALLOWED : Outcome.SIGN_IN;
			}
			// Staff endpoints: a session, or a staff token under /api only.
			boolean signedIn = caller.kind == Kind.SESSION || caller.kind == Kind.TOKEN && endpoint.api();
			if (!signedIn) {
				return Outcome.SIGN_IN;
			}
			if (spec.equals("signed-in")) {
				return Outcome.ALLOWED;
			}
			return roles().contains(caller.role) ? Outcome.ALLOWED : Outcome.REFUSED;
		}

		Set<Role> roles() {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String name : spec.split(" ")) {
				if (!name.equals("nobody")) {
					roles.add(Role.valueOf(name));
				}
			}
			return roles;
		}
	}

	enum Kind {
		ANONYMOUS, SESSION, TOKEN, SCIM, NODE_KEY
	}

	/** Who asks: nobody, a session or a token of one role, a SCIM credential, an osquery node key. */
	record Caller(Kind kind, Role role, String secret, MockHttpSession[] session, String email) {

		String name() {
			return kind + (role == null ? "" : " " + role);
		}
	}

	@Test
	void everyCallerReachesExactlyWhatTheMatrixSays() throws Exception {
		Map<String, Access> matrix = matrix();
		List<Endpoint> endpoints = endpoints();
		List<String> missing = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			if (!matrix.containsKey(endpoint.key())) {
				missing.add(endpoint.key());
			}
		}
		List<String> callerless = new ArrayList<>(matrix.keySet());
		callerless.removeAll(endpoints.stream().map(Endpoint::key).toList());

		List<Caller> callers = callers();
		List<String> wrong = new ArrayList<>();
		Map<String, String> observed = new LinkedHashMap<>();
		for (Endpoint endpoint : endpoints) {
			Access access = matrix.get(endpoint.key());
			Set<Role> reaching = new TreeSet<>();
			boolean anonymous = false;
			boolean scim = false;
			for (Caller caller : callers) {
				if (caller.kind == Kind.TOKEN && !endpoint.api() && caller.role != Role.ADMIN) {
					continue; // tokens are refused outside the API: one of them shows it
				}
				Outcome outcome = outcome(send(endpoint, caller, true));
				if (outcome == Outcome.ALLOWED) {
					switch (caller.kind) {
					case ANONYMOUS -> anonymous = true;
					case SESSION -> reaching.add(caller.role);
					case SCIM -> scim = true;
					default -> { }
					}
				}
				if (access != null) {
					Outcome expected = access.expected(caller, endpoint);
					if (outcome != expected) {
						wrong.add(endpoint.key() + " as " + caller.name() + ": " + outcome + ", the matrix says " + expected);
					}
				}
			}
			observed.put(endpoint.key(), anonymous ? "public" : scim ? "scim"
					: reaching.size() == Role.values().length ? "signed-in"
					: reaching.isEmpty() ? "nobody" : reaching.stream().map(Role::name).collect(Collectors.joining(" ")));
		}
		assertThat(missing).as("Endpoints without a row in %s: add each with who may reach it (observed now: %s)", MATRIX,
				missing.stream().map(key -> csvRow(key, observed.get(key))).collect(Collectors.joining("\n", "\n", "\n")))
				.isEmpty();
		assertThat(callerless).as("Rows of %s for endpoints that no longer exist: remove them", MATRIX).isEmpty();
		assertThat(wrong).as("Access that differs from %s", MATRIX).isEmpty();
	}

	@Test
	void unsafeMethodsWithoutCsrfTokenAreRefusedToACookieSession() throws Exception {
		MockHttpSession session = Fixtures.signIn(mvc, fixtures.user(Role.values()).email(), Fixtures.PASSWORD);
		List<String> accepted = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (!endpoint.unsafe() || endpoint.machine()) {
				continue;
			}
			MockHttpServletResponse response = mvc.perform(request(HttpMethod.valueOf(endpoint.method()), endpoint.path())
					.session(session).contentType(endpoint.jsonBody() ? MediaType.APPLICATION_JSON
							: MediaType.APPLICATION_FORM_URLENCODED).content(endpoint.jsonBody() ? "{}" : ""))
					.andReturn().getResponse();
			// The public request form sends a stale or missing token back to the form, which says so.
			boolean backToForm = endpoint.pattern().startsWith("/privacy/") && response.getStatus() == 302
					&& response.getRedirectedUrl().endsWith("?expired");
			if (response.getStatus() != 403 && !backToForm) {
				accepted.add(endpoint.key() + ": " + response.getStatus());
			}
		}
		assertThat(accepted).as("Unsafe requests of a session without a CSRF token that were not refused").isEmpty();
	}

	static String csvRow(String key, String access) {
		return key.replace(' ', ',') + "," + access;
	}

	MockHttpServletResponse send(Endpoint endpoint, Caller caller, boolean withCsrf) throws Exception {
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method()), endpoint.path());
		if (endpoint.unsafe()) {
			request.contentType(endpoint.jsonBody() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
					.content(endpoint.jsonBody() ? "{}" : "");
		}
		switch (caller.kind) {
		case SESSION -> {
			if (caller.session[0] == null || caller.session[0].isInvalid()) {
				caller.session[0] = Fixtures.signIn(mvc, caller.email, Fixtures.PASSWORD);
			}
			request.session(caller.session[0]);
			if (withCsrf && endpoint.unsafe()) {
				request.with(csrf());
			}
		}
		case TOKEN, SCIM, NODE_KEY -> request.header("Authorization", "Bearer " + caller.secret);
		case ANONYMOUS -> {
			if (withCsrf && endpoint.unsafe()) {
				request.with(csrf()); // public forms carry one too
			}
		}
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	static Outcome outcome(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getHeader("Location");
		if (status == 401 || status / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login([?#].*)?")) {
			return Outcome.SIGN_IN;
		}
		return status == 403 ? Outcome.REFUSED : Outcome.ALLOWED;
	}

	List<Caller> callers() throws Exception {
		List<Caller> callers = new ArrayList<>();
		callers.add(new Caller(Kind.ANONYMOUS, null, null, null, null));
		Map<Role, String> tokens = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			callers.add(new Caller(Kind.SESSION, role, null, new MockHttpSession[1], fixtures.user(role).email()));
			tokens.put(role, fixtures.tokenFor(role));
			callers.add(new Caller(Kind.TOKEN, role, tokens.get(role), null, null));
		}
		String scim = JsonPath.read(mvc.perform(post("/api/v1/people/scim-credentials")
				.header("Authorization", "Bearer " + tokens.get(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"access matrix " + UUID.randomUUID() + "\"}")).andReturn().getResponse()
				.getContentAsString(), "$.secret");
		callers.add(new Caller(Kind.SCIM, null, scim, null, null));
		callers.add(new Caller(Kind.NODE_KEY, null, nodeKey(tokens.get(Role.SECURITY)), null, null));
		return callers;
	}

	/** A real node key: a device enrolled with a secret SECURITY made. */
	String nodeKey(String securityToken) throws Exception {
		String secret = JsonPath.read(mvc.perform(post("/api/v1/devices/enroll-secrets")
				.header("Authorization", "Bearer " + securityToken).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"access matrix\"}")).andReturn().getResponse().getContentAsString(), "$.value");
		String answer = mvc.perform(post("/osquery/enroll").contentType(MediaType.APPLICATION_JSON)
				.content("{\"enroll_secret\": \"" + secret + "\", \"host_identifier\": \"matrix-" + UUID.randomUUID()
						+ "\", \"platform_type\": \"21\"}"))
				.andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.node_key");
	}

	/** Every method and pattern the handler mappings serve, sorted; a mapping without methods counts as GET and POST. */
	List<Endpoint> endpoints() {
		return List.copyOf(handlers(context).keySet());
	}

	/** {@link #endpoints()} with the controller method answering each. */
	static Map<Endpoint, HandlerMethod> handlers(ApplicationContext context) {
		Map<Endpoint, HandlerMethod> endpoints = new TreeMap<>((a, b) -> a.key().compareTo(b.key()));
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
				.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST);
				}
				boolean json = false;
				for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
					json |= parameter.hasParameterAnnotation(RequestBody.class);
				}
				for (String pattern : info.getPatternValues()) {
					for (RequestMethod method : methods) {
						if (method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
							endpoints.put(new Endpoint(method.name(), pattern, json), entry.getValue());
						}
					}
				}
			}
		}
		return endpoints;
	}

	static Map<String, Access> matrix() throws Exception {
		Map<String, Access> matrix = new LinkedHashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(AccessMatrixTests.class.getResourceAsStream(MATRIX), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("method,")) {
					continue;
				}
				String[] cells = line.split(",", 4);
				matrix.put(cells[0] + " " + cells[1], new Access(cells[2].strip()));
			}
		}
		return matrix;
	}
}
