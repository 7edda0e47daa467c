package io.charter.consent.banner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;

import io.charter.consent.CatalogueRules;
import io.charter.consent.Declaration;
import io.charter.consent.banner.BannerControllerTests.TestSite;


/** The banner's rendering rules, without a server. */
class BannerUnitTests {

	final Declaration declaration = TestSite.declaration("unit-site", 4, 3, List.of("https://www.example.test"));
	final BannerTexts texts = new BannerTexts(catalogueBundle());
	final ControllerNames.Names weGroup = new ControllerNames.Names("WeGroup",
			Map.of("fr", "WeGroup SA", "nl", "WeGroup NV", "en", "WeGroup"));

	/** The catalogue's bundle as the application reads it, without the application. */
	static ResourceBundleMessageSource catalogueBundle() {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasenames("i18n/catalogue");
		bundle.setDefaultEncoding("UTF-8");
		bundle.setFallbackToSystemLocale(false);
		return bundle;
	}

	@Test
	void negotiatesGzipByQuality() {
		assertThat(BannerResource.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(BannerResource.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
		assertThat(BannerResource.acceptsGzip("x-gzip")).isTrue();
		assertThat(BannerResource.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(BannerResource.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(BannerResource.acceptsGzip("identity")).isFalse();
		assertThat(BannerResource.acceptsGzip(null)).isFalse();
		// Lists without weights take a path of their own.
		assertThat(BannerResource.acceptsGzip("deflate,GZIP")).isTrue();
		assertThat(BannerResource.acceptsGzip(" br , x-gzip ")).isTrue();
		assertThat(BannerResource.acceptsGzip("gzips, br")).isFalse();
		assertThat(BannerResource.acceptsGzip("br, zstd")).isFalse();
		assertThat(BannerResource.acceptsGzip("")).isFalse();
		assertThat(BannerResource.acceptsGzip(",")).isFalse();
	}

	@Test
	void matchesIfNoneMatchAgainstTheChosenRepresentation() throws Exception {
		BannerResource r = BannerResource.of(MediaType.TEXT_PLAIN, "some text that is long enough to compress");
		assertThat(r.etag()).isNotEqualTo(r.gzipEtag());
		assertThat(BannerResource.matches("\"other\", " + r.etag(), r.etag())).isTrue();
		assertThat(BannerResource.matches("W/" + r.etag(), r.etag())).isTrue();
		assertThat(BannerResource.matches("*", r.etag())).isTrue();
		assertThat(BannerResource.matches(r.gzipEtag(), r.etag())).isFalse();
		assertThat(written(r, "gzip", r.gzipEtag(), "GET").getStatus()).isEqualTo(304);
		MockHttpServletResponse plain = written(r, null, r.gzipEtag(), "GET");
		assertThat(plain.getStatus()).isEqualTo(200);
		assertThat(plain.getContentAsString()).isEqualTo("some text that is long enough to compress");
		MockHttpServletResponse gz = written(r, "gzip", null, "GET");
		assertThat(gz.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gz.getContentAsByteArray()).isEqualTo(r.gzip());
		MockHttpServletResponse head = written(r, "gzip", null, "HEAD");
		assertThat(head.getStatus()).isEqualTo(200);
		assertThat(head.getContentLength()).isEqualTo(r.gzip().length);
		assertThat(head.getContentAsByteArray()).isEmpty();
	}

	private static MockHttpServletResponse written(BannerResource r, String acceptEncoding, String ifNoneMatch,
			String method) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/c/site/config.json");
		if (acceptEncoding != null) {
			request.addHeader("Accept-Encoding", acceptEncoding);
		}
		if (ifNoneMatch != null) {
			request.addHeader("If-None-Match", ifNoneMatch);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		try {
			r.write(request, response, BannerResource.REVALIDATE);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return response;
	}

	@Test
	void compactsTheStylesheet() {
		assertThat(BannerAssets.compact("""
				/* a comment */
				.a, .b > .c {
				  color: #fff;
				  margin: 0 auto !important;
				}
				@media (prefers-reduced-motion: reduce) {
				  * { width: calc(100% - 2rem); }
				}
				""")).isEqualTo(".a,.b>.c{color:#fff;margin:0 auto!important}"
						+ "@media (prefers-reduced-motion:reduce){*{width:calc(100% - 2rem)}}");
	}

	@Test
	void refusesCodeThatDoesNotReadItsBootData() {
		assertThatThrownBy(() -> new BannerAssets("(function(){})()", "", "", "")).isExactlyInstanceOf(IllegalStateException.class);
	}

	@Test
	void textsFallBackToTheDefaultsKeyByKey() {
		Map<String, String> fr = texts.of(declaration, "fr");
		assertThat(fr).containsKeys(BannerTexts.KEYS.toArray(String[]::new));
		assertThat(fr.get("title")).isEqualTo("Cookies sur ce site");
		assertThat(fr.get("refuseAll")).isEqualTo("Tout refuser");
		// A language Charter has no defaults for: English ones.
		assertThat(texts.of(declaration, "de").get("acceptAll")).isEqualTo("Accept all");
	}

	/** One source: every default is the catalogue bundle's text that a new site also starts with. */
	@Test
	void defaultsAreTheCatalogueBundlesTexts() throws Exception {
		for (String language : List.of("fr", "nl", "en")) {
			java.util.Properties bundle = new java.util.Properties();
			try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream("/i18n/catalogue"
					+ (language.equals("en") ? "" : "_" + language) + ".properties"), java.nio.charset.StandardCharsets.UTF_8)) {
				bundle.load(in);
			}
			Map<String, String> defaults = texts.defaults(language);
			assertThat(defaults.keySet()).containsExactlyElementsOf(BannerTexts.KEYS);
			BannerTexts.KEYS.forEach(key -> assertThat(defaults.get(key)).as(language + " " + key)
					.isEqualTo(bundle.getProperty("catalogue.banner-default." + key)));
		}
		assertThat(texts.defaults("fr").get("gpcRefused"))
				.isEqualTo("Refusé en raison du signal Global Privacy Control de votre navigateur.");
	}

	@Test
	void theAcceptRefuseAndCustomiseLabelsAreAllThere() {
		for (String language : List.of("fr", "nl", "en")) {
			Map<String, String> texts = this.texts.of(declaration, language);
			assertThat(List.of("acceptAll", "refuseAll", "customise", "save", "placeholder", "placeholderButton"))
					.allSatisfy(key -> assertThat(texts.get(key)).as(language + " " + key).isNotBlank());
			assertThat(texts.get("placeholder")).contains("{category}");
			assertThat(texts.get("placeholderButton")).contains("{service}");
			assertThat(CatalogueRules.missingName("placeholder", texts.get("placeholder"))).isNull();
			assertThat(CatalogueRules.missingName("placeholderButton", texts.get("placeholderButton"))).isNull();
			assertThat(texts.get("receipt")).contains("{id}", "{date}");
		}
	}

	@Test
	void theConfigSpeaksOneLanguageAndNamesPatterns() {
		BannerConfig config = BannerConfig.of(declaration, "nl", texts, weGroup);
		assertThat(config.language()).isEqualTo("nl");
		assertThat(config.version()).isEqualTo(4);
		assertThat(config.categories()).extracting(BannerConfig.Category::key)
				.containsExactly("necessary", "analytics", "tracking");
		BannerConfig.Category tracking = config.categories().get(2);
		assertThat(tracking.name()).isEqualTo("Trackingcookies");
		assertThat(tracking.refuseOnGpc()).isTrue();
		assertThat(tracking.services()).extracting(BannerConfig.Service::name)
				.containsExactly("Tawk.to", "DoubleClick", "Medium");
		BannerConfig.Category analytics = config.categories().get(1);
		assertThat(analytics.services().get(1).cookies().get(0).name()).isEqualTo("_lr_*");

		Declaration.Cookie unstarred = new Declaration.Cookie("_hj", true, null, false, 1, null, null, false, null);
		assertThat(BannerConfig.cookieName(unstarred)).isEqualTo("_hj*");
		// A purpose that only repeats the service's description is not sent again for each cookie.
		Declaration.Cookie repeating = new Declaration.Cookie("ss", false, null, false, 1, null,
				Map.of("fr", "Chat en direct."), false, null);
		assertThat(BannerConfig.purpose(repeating, "Chat en direct.", "fr", "fr")).isNull();
		assertThat(BannerConfig.purpose(repeating, "Autre chose.", "fr", "fr")).isEqualTo("Chat en direct.");
	}

	/** The first layer says who asks and with which partners: the providers of the categories asked. */
	@Test
	void theConfigNamesTheControllerAndItsPartners() {
		assertThat(BannerConfig.of(declaration, "fr", texts, weGroup).texts().get("controller")).isEqualTo(
				"Responsable du traitement : WeGroup SA. Partenaires : Google, LogRocket, tawk.to, A Medium Corporation.");
		assertThat(BannerConfig.of(declaration, "nl", texts, weGroup).texts().get("controller"))
				.startsWith("Verwerkingsverantwoordelijke: WeGroup NV. Partners: ");
		// Not read yet (the database was out at start): no name rather than a wrong one.
		assertThat(BannerConfig.of(declaration, "fr", texts, ControllerNames.Names.UNKNOWN).texts())
				.doesNotContainKey("controller");
	}

	/** The GPC notice names the categories the signal refused, from the catalogue, in each language. */
	@Test
	void theGpcNoticeNamesTheRefusedCategories() {
		assertThat(BannerConfig.of(declaration, "en", texts, weGroup).texts().get("gpcNotice")).isEqualTo(
				"Your browser sends the Global Privacy Control signal, so we refused these cookies for you: Tracking cookies.");
		assertThat(BannerConfig.of(declaration, "fr", texts, weGroup).texts().get("gpcNotice"))
				.endsWith(" : Cookies de tracking.").doesNotContain("analytiques");
		assertThat(BannerConfig.of(declaration, "nl", texts, weGroup).texts().get("gpcNotice"))
				.endsWith(": Trackingcookies.").doesNotContain("analytische");
	}

	@Test
	void textsMissingInALanguageComeFromTheSiteDefault() {
		assertThat(BannerConfig.text(Map.of("fr", "Bonjour"), "nl", "fr")).isEqualTo("Bonjour");
		assertThat(BannerConfig.text(Map.of("en", "Hello"), "nl", "fr")).isEqualTo("Hello");
		assertThat(BannerConfig.text(Map.of("nl", " ", "fr", "Bonjour"), "nl", "fr")).isEqualTo("Bonjour");
		assertThat(BannerConfig.text(null, "nl", "fr")).isNull();
	}

	@Test
	void bootDataGuardsOnlyFirstPartyCookies() {
		BannerAssets assets = new BannerAssets("x(__CHARTER_BOOT__)", "y()", "a { color: red; }", ".cs { color: blue; }");
		BannerBoot boot = BannerBoot.of(declaration, texts, weGroup, assets.firstCss(), assets.build());
		BannerBoot.Category tracking = boot.categories().get(2);
		// Medium's sid and uid are set on medium.com: guarding them would block the site's own.
		assertThat(tracking.cookies()).containsExactly("_tawkuuid", "TawkConnectionTime").doesNotContain("sid", "uid");
		assertThat(boot.categories().get(1).cookies()).containsExactly("_ga", "_ga_*", "_gid",
				"_gat_gtag_UA_123265168_1", "_lr_*");
		assertThat(boot.categories().get(1).gcm()).containsExactly("analytics_storage");
		// Global Privacy Control refuses what the catalogue marks so, as the consent log checks, not every category.
		assertThat(boot.categories()).extracting(BannerBoot.Category::gpc).containsExactly(false, false, true);
		assertThat(boot.texts().get("fr")).containsEntry("settings", "Paramètres des cookies");
		assertThat(boot.texts().get("nl")).containsEntry("settings", "Cookie-instellingen");
		assertThat(boot.texts().get("en")).containsEntry("settings", "Cookie settings");
		// The second layer's rules come with the config (banner.css?h=, the whole stylesheet).
		assertThat(boot.css()).isEqualTo("a{color:red}");
		assertThat(assets.css()).isEqualTo("a{color:red}.cs{color:blue}");
		// The first layer is drawn from the boot data alone, in each language, controller line included:
		// the config (second layer) is not waited for.
		for (String language : List.of("fr", "nl", "en")) {
			Map<String, String> all = BannerConfig.of(declaration, language, texts, weGroup).texts();
			assertThat(boot.texts().get(language)).containsOnlyKeys(BannerBoot.FIRST);
			BannerBoot.FIRST.forEach(k -> assertThat(boot.texts().get(language)).containsEntry(k, all.get(k)));
		}
		assertThat(boot.build()).hasSize(12);
	}
}
