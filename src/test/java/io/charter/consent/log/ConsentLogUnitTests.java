package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Browser reduction, address truncation and the message bundles of the consent log. */
class ConsentLogUnitTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7000.12 Safari/537.36|Chrome 156",
			"Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0|Firefox 132",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15|Safari 17",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1|Safari 17",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86|Edge 131",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0|Opera 115",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1|Chrome 131",
			"Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36|Samsung Internet 26",
			"curl/8.5.0|Other",
			"'<script>alert(1)</script>'|Other" })
	void reducesUserAgentsToFamilyAndMajorVersion(String userAgent, String expected) {
		assertThat(BrowserFamily.of(userAgent)).isEqualTo(expected);
	}

	@Test
	void aUserAgentSeenBeforeIsAnsweredFromMemory() {
		String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
		String first = BrowserFamily.of(firefox);
		assertThat(first).isEqualTo("Firefox 133");
		// The same answer, not made again (a new string each time without the cache).
		assertThat(BrowserFamily.of(new String(firefox))).isSameAs(first);
	}

	@Test
	void unknownOrMissingUserAgentsAreOther() {
		assertThat(BrowserFamily.of(null)).isEqualTo("Other");
		assertThat(BrowserFamily.of("")).isEqualTo("Other");
		assertThat(BrowserFamily.of("Chrome/1" + "0".repeat(2000))).isEqualTo("Other");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"203.0.113.77|203.0.113.0/24",
			"203.0.113.1|203.0.113.0/24",
			"2001:db8:1234:5678:9abc::1|2001:db8:1234:0:0:0:0:0/48",
			"[2001:db8:1234:ffff::1]|2001:db8:1234:0:0:0:0:0/48",
			"::ffff:198.51.100.9|198.51.100.0/24",
			"localhost|unknown",
			"not an address|unknown",
			"''|unknown" })
	void truncatesAddressesToTheirNetwork(String address, String network) {
		assertThat(SourceHashes.network(address)).isEqualTo(network);
	}

	@Test
	void everyConsentLogTextExistsInEnglishFrenchAndDutch() throws Exception {
		Properties en = load("i18n/consent-log.properties");
		Properties fr = load("i18n/consent-log_fr.properties");
		Properties nl = load("i18n/consent-log_nl.properties");
		// Its own texts, and the words of the audit actions it publishes (the audit page reads them).
		assertThat(en.stringPropertyNames()).isNotEmpty()
				.allMatch(k -> k.startsWith("consent-log.") || k.startsWith("audit.action.consent-"));
		assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
		assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
		for (ConsentMethod method : ConsentMethod.values()) {
			assertThat(en.stringPropertyNames()).contains("consent-log.method." + method.name());
		}
	}

	private static Properties load(String path) throws Exception {
		Properties p = new Properties();
		try (InputStream in = ConsentLogUnitTests.class.getClassLoader().getResourceAsStream(path);
				var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
			p.load(reader);
		}
		return p;
	}
}
