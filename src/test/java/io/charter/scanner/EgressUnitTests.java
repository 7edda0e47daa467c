package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scan's proxy, spoken to as Chromium does: two servers on loopback, the site (allowed) and another
 * port that stands for the server's own network and records every request that reaches it.
 */
class EgressUnitTests {

	HttpServer site;
	HttpServer internal;
	final AtomicInteger internalHits = new AtomicInteger();

	@BeforeEach
	void serve() throws IOException {
		site = CrawlBrowserTests.serve("127.0.0.1", e -> CrawlBrowserTests.answer(e, "text/plain",
				e.getRequestURI().getPath().equals("/big") ? "x".repeat(200_000) : "site", Map.of()));
		internal = CrawlBrowserTests.serve("127.0.0.1", e -> {
			internalHits.incrementAndGet();
			CrawlBrowserTests.answer(e, "text/plain", "secret", Map.of());
		});
	}

	@AfterEach
	void stop() {
		CrawlBrowserTests.stop(site, internal);
	}

	int port(HttpServer server) {
		return server.getAddress().getPort();
	}

	Egress.Allowance onlyTheSite() {
		InetSocketAddress allowed = new InetSocketAddress(InetAddress.getLoopbackAddress(), port(site));
		return allowed::equals;
	}

	static String send(Egress egress, String request) throws IOException {
		try (Socket s = new Socket(egress.address().getAddress(), egress.address().getPort())) {
			s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			s.getOutputStream().flush();
			InputStream in = s.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	@Test
	void anAllowedAddressIsReachedAndAnyOtherPrivateOneRefused() throws IOException {
		try (Egress egress = new Egress(Egress.Resolver.SYSTEM, onlyTheSite(), 5000, 1_000_000)) {
			assertThat(send(egress, "GET http://127.0.0.1:" + port(site) + "/ HTTP/1.1\r\nHost: x\r\n\r\n"))
					.startsWith("HTTP/1.1 200").endsWith("site");
			assertThat(send(egress, "GET http://127.0.0.1:" + port(internal) + "/ HTTP/1.1\r\nHost: x\r\n\r\n"))
					.startsWith("HTTP/1.1 403");
			assertThat(send(egress, "CONNECT 127.0.0.1:" + port(internal) + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
			assertThat(send(egress, "CONNECT [::ffff:127.0.0.1]:" + port(internal) + " HTTP/1.1\r\n\r\n"))
					.startsWith("HTTP/1.1 403");
			assertThat(egress.refused()).hasSize(3);
		}
		assertThat(internalHits).hasValue(0);
	}

	@Test
	void aNameThatResolvesToAPrivateAddressIsRefused() throws IOException {
		Egress.Resolver rebound = host -> new InetAddress[] { InetAddress.getByName("93.184.216.34"),
				InetAddress.getLoopbackAddress() };
		try (Egress egress = new Egress(rebound, onlyTheSite(), 5000, 1_000_000)) {
			assertThat(send(egress, "GET http://shop.example:" + port(internal) + "/ HTTP/1.1\r\nHost: x\r\n\r\n"))
					.startsWith("HTTP/1.1 403");
			assertThat(egress.refused()).singleElement().asString().contains("shop.example", "127.0.0.1");
		}
		assertThat(internalHits).hasValue(0);
	}

	@Test
	void theAddressCheckedIsTheAddressUsed() throws IOException {
		// A name whose answer changes after the check (rebinding): the proxy asks once and connects there.
		AtomicInteger asked = new AtomicInteger();
		Egress.Resolver rebinding = host -> new InetAddress[] {
				asked.getAndIncrement() == 0 ? InetAddress.getLoopbackAddress() : InetAddress.getByName("10.255.255.1") };
		try (Egress egress = new Egress(rebinding, onlyTheSite(), 2000, 1_000_000)) {
			assertThat(send(egress, "GET http://shop.example:" + port(site) + "/ HTTP/1.1\r\nHost: shop.example\r\n\r\n"))
					.startsWith("HTTP/1.1 200").endsWith("site");
		}
		assertThat(asked).hasValue(1);
	}

	@Test
	void metadataAndLinkLocalAddressesAreRefusedEvenWhenPrivateOnesAreAllowed() {
		Egress.Resolver metadata = host -> new InetAddress[] { InetAddress.getByName("169.254.169.254") };
		try (Egress egress = new Egress(metadata, address -> true, 2000, 1_000_000)) {
			assertThatExceptionOfType(Egress.Refused.class).isThrownBy(() -> egress.check("metadata.internal", 80));
			assertThatExceptionOfType(Egress.Refused.class).isThrownBy(() -> egress.check("x", 80));
		}
		try (Egress egress = new Egress(Egress.Resolver.SYSTEM, address -> true, 2000, 1_000_000)) {
			assertThatExceptionOfType(Egress.Refused.class).isThrownBy(() -> egress.check("169.254.169.254", 80));
			assertThatExceptionOfType(Egress.Refused.class).isThrownBy(() -> egress.check("fe80::1", 80));
			assertThatExceptionOfType(Egress.Refused.class).isThrownBy(() -> egress.check("0.0.0.0", 80));
		}
	}

	@Test
	void aPageVisitIsCutOffWhileLoadingOnceItPassesItsBudget() throws IOException {
		try (Egress egress = new Egress(Egress.Resolver.SYSTEM, onlyTheSite(), 5000, 50_000)) {
			String answer = send(egress, "GET http://127.0.0.1:" + port(site) + "/big HTTP/1.1\r\nHost: x\r\n\r\n");
			assertThat(answer.length()).isLessThanOrEqualTo(50_000);
			assertThat(egress.overBudget()).isTrue();
			assertThat(send(egress, "GET http://127.0.0.1:" + port(site) + "/ HTTP/1.1\r\nHost: x\r\n\r\n"))
					.startsWith("HTTP/1.1 403");

			egress.newPage();

			assertThat(egress.overBudget()).isFalse();
			assertThat(send(egress, "GET http://127.0.0.1:" + port(site) + "/ HTTP/1.1\r\nHost: x\r\n\r\n"))
					.startsWith("HTTP/1.1 200");
		}
	}

	@Test
	void listedPrivateAddressesAreTheOnlyOnesAllowed() {
		ScannerSettings settings = new ScannerSettings("c", "d", 1, java.time.Duration.ofMinutes(1),
				java.time.Duration.ofSeconds(5), org.springframework.util.unit.DataSize.ofMegabytes(1),
				org.springframework.util.unit.DataSize.ofMegabytes(1), org.springframework.util.unit.DataSize.ofMegabytes(1),
				false, List.of("10.0.0.5:8443", "[::1]:9000"), java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(3));
		Egress.Allowance allowance = settings.allowance();
		assertThat(allowance.allows(new InetSocketAddress("10.0.0.5", 8443))).isTrue();
		assertThat(allowance.allows(new InetSocketAddress("10.0.0.5", 8444))).isFalse();
		assertThat(allowance.allows(new InetSocketAddress("::1", 9000))).isTrue();
		assertThat(allowance.allows(new InetSocketAddress("127.0.0.1", 9000))).isFalse();
		assertThat(ScannerSettings.defaults().allowance().allows(new InetSocketAddress("127.0.0.1", 80))).isFalse();
	}
}
