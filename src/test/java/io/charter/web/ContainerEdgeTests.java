package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestPropertySource;

/**
 * The edge of Charter on a real Tomcat, met with requests a client library would refuse to send:
 * forwarded headers are believed only from a configured proxy, a request Charter cannot read is a
 * 400 and at most one log line, and the errors the container writes itself look like Charter's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContainerEdgeTests.ClientAddressEcho.class)
class ContainerEdgeTests {

	static final String SPOOFED = "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n";

	@LocalServerPort
	int port;

	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	/** One request as written, from a local address of the test's choice, over a connection of its own. */
	static Answer send(int port, String from, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			in.transferTo(received);
			String raw = received.toString(StandardCharsets.UTF_8);
			int end = raw.indexOf("\r\n\r\n");
			String[] head = raw.substring(0, end).split("\r\n");
			Map<String, String> headers = new TreeMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				headers.put(head[i].substring(0, colon).toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
			}
			return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
		}
	}

	static String request(String line, String... headers) {
		return line + "\r\nHost: localhost\r\nConnection: close\r\n" + String.join("", headers) + "\r\n";
	}

	@Test
	void aForwardedForFromLoopbackIsIgnoredByDefault() throws IOException {
		Answer answer = send(port, "127.0.0.1", request("GET /test/client-address HTTP/1.1", SPOOFED));
		assertThat(answer.body()).isEqualTo("127.0.0.1 http");
	}

	@Test
	void anUnreadableRequestIsA400AndAtMostOneLogLine() throws IOException {
		String form = "lang=%ZZ";
		for (String unreadable : List.of(request("GET /login;%ZZ HTTP/1.1"), request("GET /api/v1/tokens;%ZZ HTTP/1.1"),
				request("GET /login?lang=%ZZ HTTP/1.1"),
				request("POST /privacy/requests HTTP/1.1", "Content-Type: application/x-www-form-urlencoded\r\n",
						"Content-Length: " + form.length() + "\r\n") + form)) {
			List<ILoggingEvent> logged = loggedWhile(() -> {
				assertThat(send(port, "127.0.0.1", unreadable).status()).as(unreadable).isEqualTo(400);
			});
			assertThat(logged).as(unreadable).hasSizeLessThanOrEqualTo(1)
					.allSatisfy(e -> assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull())
					.allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("\n"));
		}
	}

	@Test
	void theContainersOwnErrorsCarryTheSecurityHeadersOfCharter() throws IOException {
		// A request line the container cannot read says nothing of the client: it gets problem details.
		for (String refused : List.of(request("GET /login HTTP/2.0", "Accept: text/html\r\n"),
				request("GET /%ZZ HTTP/1.1", "Accept: text/html\r\n"), request("TRACE /login HTTP/1.1", "Accept: text/html\r\n"),
				request("G@T /login HTTP/1.1", "Accept: text/html\r\n"))) {
			Answer answer = send(port, "127.0.0.1", refused);
			assertThat(answer.status()).as(refused).isBetween(400, 505);
			assertThat(answer.header("Content-Security-Policy")).as(refused).contains("frame-ancestors 'none'")
					.doesNotContain("unsafe-inline");
			assertThat(answer.header("X-Content-Type-Options")).as(refused).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).as(refused).isEqualTo("DENY");
			assertThat(answer.header("Referrer-Policy")).as(refused).isEqualTo("same-origin");
			assertThat(answer.body()).as(refused).doesNotContain("Tomcat", "<style");
			if (!refused.startsWith("G@T")) {
				assertThat(answer.header("Content-Security-Policy")).as(refused).contains("default-src 'self'");
				assertThat(answer.body()).as(refused).contains("Something went wrong");
			}
		}
	}

	@Test
	void underTheApiTheContainersOwnErrorsAreProblemDetails() throws IOException {
		for (String refused : List.of(request("GET /api/v1/tokens HTTP/2.0"), request("GET /api/%ZZ HTTP/1.1"),
				request("GET /api/v1/tokens HTTP/1.1", "Bad Header: x\r\n"))) {
			Answer answer = send(port, "127.0.0.1", refused);
			assertThat(answer.header("Content-Type")).as(refused).startsWith("application/problem+json");
			assertThat(answer.body()).as(refused).contains("\"status\":" + answer.status()).doesNotContain("Tomcat");
			assertThat(answer.header("Content-Security-Policy")).as(refused).isEqualTo("default-src 'none'; frame-ancestors 'none'");
			assertThat(answer.header("X-Content-Type-Options")).as(refused).isEqualTo("nosniff");
		}
	}

	@Nested
	@TestPropertySource(properties = "charter.web.trusted-proxies=127.0.0.2")
	class BehindAConfiguredProxy {

		@LocalServerPort
		int port;

		@Test
		void theProxysForwardedHeadersAreBelieved() throws IOException {
			assertThat(send(port, "127.0.0.2", request("GET /test/client-address HTTP/1.1", SPOOFED)).body())
					.isEqualTo("203.0.113.9 https");
			// X-Forwarded-Proto: https from the proxy makes the session cookie Secure.
			assertThat(send(port, "127.0.0.2", request("GET /login HTTP/1.1", SPOOFED)).header("Set-Cookie"))
					.contains("Secure", "HttpOnly");
		}

		@Test
		void anyoneElsesAreNot() throws IOException {
			assertThat(send(port, "127.0.0.1", request("GET /test/client-address HTTP/1.1", SPOOFED)).body())
					.isEqualTo("127.0.0.1 http");
			assertThat(send(port, "127.0.0.1", request("GET /login HTTP/1.1", SPOOFED)).header("Set-Cookie"))
					.doesNotContain("Secure");
		}
	}

	/** What the server's threads log while a request runs. */
	List<ILoggingEvent> loggedWhile(ThrowingRunnable request) throws IOException {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		root.addAppender(appender);
		try {
			request.run();
		}
		finally {
			root.detachAppender(appender);
		}
		return appender.list.stream().filter(e -> e.getThreadName().contains("-" + port + "-")).toList();
	}

	interface ThrowingRunnable {
		void run() throws IOException;
	}

	/**
	 * Answers {@code /test/client-address} with the client's address and scheme as the container
	 * resolved them, ahead of everything else.
	 */
	static class ClientAddressEcho {

		@Bean
		FilterRegistrationBean<Filter> clientAddressEcho() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				response.setContentType("text/plain");
				response.getWriter().write(request.getRemoteAddr() + " " + request.getScheme());
			});
			registration.addUrlPatterns("/test/client-address");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}
	}
}
