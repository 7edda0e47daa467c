package io.charter.consent.catalogue.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.charter.consent.Declaration;
import io.charter.consent.web.Finding;


/** Which changes between two published versions make visitors be asked again. */
class MaterialChangesUnitTests {

	static final Declaration BASE = new Declaration("site", 1, null, true, 1,
			new Declaration.Site("Site", List.of("https://site.example"), List.of("fr", "en"), "fr", 182, 182, 500,
					List.of()),
			List.of(category("necessary", true, List.of("security_storage"), "Needed"),
					category("analytics", false, List.of("analytics_storage"), "Measure")),
			List.of(service("site", "necessary", false, "Language", cookie("lang", 365, false, "Language")),
					service("ga", "analytics", false, "Audience", cookie("_ga", 730, false, "Audience"),
							cookie("_gid", 1, false, "Audience"))),
			Map.of("fr", Map.of("title", "Cookies"), "en", Map.of("title", "Cookies")), Map.of("fr", "v1", "en", "v1"));

	static Stream<Arguments> cases() {
		return Stream.of(
				// material
				Arguments.of("adds a category", change(d -> withCategories(d,
						add(d.categories(), category("tracking", false, List.of("ad_storage"), "Ads")))), List.of("category-added")),
				Arguments.of("adds a non-necessary service", change(d -> withServices(d, add(d.services(),
						service("lr", "analytics", false, "Replays", cookie("_lr_hb_*", 30, false, "Replays"))))), List.of("service-added")),
				Arguments.of("adds a non-necessary cookie", change(d -> withService(d, "ga", s -> withCookies(s,
						add(s.cookies(), cookie("_gat", 0, false, "Throttle"))))), List.of("cookie-added")),
				Arguments.of("rewords a non-necessary service's purpose", change(d -> withService(d, "ga",
						s -> new Declaration.Service(s.key(), s.name(), s.provider(), s.category(), s.thirdParty(),
								s.privacyUrl(), Map.of("fr", "Audience et publicité", "en", "Audience"), s.cookies()))),
						List.of("service-purpose-changed")),
				Arguments.of("rewords a non-necessary cookie's purpose", change(d -> withService(d, "ga", s -> withCookies(s,
						List.of(cookie("_ga", 730, false, "Audience and profiles"), s.cookies().get(1))))),
						List.of("cookie-purpose-changed")),
				Arguments.of("moves a service out of necessary", change(d -> withService(d, "site",
						s -> new Declaration.Service(s.key(), s.name(), s.provider(), "analytics", s.thirdParty(),
								s.privacyUrl(), s.description(), s.cookies()))), List.of("service-moved")),
				Arguments.of("rewords a non-necessary category's purpose", change(d -> withCategories(d,
						List.of(d.categories().get(0), category("analytics", false, List.of("analytics_storage"), "Measure and sell")))),
						List.of("category-purpose-changed")),
				Arguments.of("grants one more Consent Mode type", change(d -> withCategories(d, List.of(d.categories().get(0),
						category("analytics", false, List.of("analytics_storage", "ad_storage"), "Measure")))),
						List.of("category-types-added")),
				Arguments.of("keeps a non-necessary cookie longer", change(d -> withService(d, "ga", s -> withCookies(s,
						List.of(s.cookies().get(0), cookie("_gid", 30, false, "Audience"))))), List.of("cookie-kept-longer")),
				Arguments.of("hands a non-necessary cookie to a third party", change(d -> withService(d, "ga", s -> withCookies(s,
						List.of(cookie("_ga", 730, true, "Audience"), s.cookies().get(1))))), List.of("cookie-party-changed")),
				// not material
				Arguments.of("removes a service", change(d -> withServices(d, List.of(d.services().get(0)))), List.of()),
				Arguments.of("removes a cookie", change(d -> withService(d, "ga", s -> withCookies(s, List.of(s.cookies().get(0))))),
						List.of()),
				Arguments.of("adds a necessary cookie", change(d -> withService(d, "site", s -> withCookies(s,
						add(s.cookies(), cookie("csrf", null, false, "Security"))))), List.of()),
				Arguments.of("adds a necessary service", change(d -> withServices(d, add(d.services(),
						service("lb", "necessary", false, "Load balancing", cookie("lb", null, false, "Routing"))))), List.of()),
				Arguments.of("rewords a necessary cookie", change(d -> withService(d, "site", s -> withCookies(s,
						List.of(cookie("lang", 365, false, "Remembers your language"))))), List.of()),
				Arguments.of("shortens a retention", change(d -> withService(d, "ga", s -> withCookies(s,
						List.of(cookie("_ga", 395, false, "Audience"), s.cookies().get(1))))), List.of()),
				Arguments.of("renames a category", change(d -> withCategories(d, List.of(d.categories().get(0),
						new Declaration.Category("analytics", false, false, List.of("analytics_storage"),
								Map.of("fr", "Mesure d'audience", "en", "Audience"), Map.of("fr", "Measure", "en", "Measure"))))),
						List.of()),
				Arguments.of("rewords the banner", change(d -> new Declaration(d.siteKey(), d.version(), d.publishedAt(),
						d.material(), d.materialVersion(), d.site(), d.categories(), d.services(),
						Map.of("fr", Map.of("title", "Vos cookies"), "en", Map.of("title", "Your cookies")), d.summary())), List.of()),
				Arguments.of("changes the site's settings", change(d -> new Declaration(d.siteKey(), d.version(),
						d.publishedAt(), d.material(), d.materialVersion(),
						new Declaration.Site("Site", List.of("https://www.site.example"), List.of("fr", "en"), "en", 90, 30,
								500, List.of()),
						d.categories(), d.services(), d.bannerTexts(), d.summary())), List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decidesWhetherAChangeIsMaterial(String name, UnaryOperator<Declaration> change, List<String> expected) {
		Declaration next = change.apply(BASE);
		assertThat(MaterialChanges.sameContent(BASE, next)).as("the change is seen").isFalse();
		assertThat(MaterialChanges.between(BASE, next)).extracting(Finding::code).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void theSameVersionIsNeverMaterial(String name, UnaryOperator<Declaration> change, List<String> expected) {
		Declaration next = change.apply(BASE);
		assertThat(MaterialChanges.between(next, next)).isEmpty();
		assertThat(MaterialChanges.sameContent(next, next)).isTrue();
	}

	static UnaryOperator<Declaration> change(UnaryOperator<Declaration> change) {
		return change;
	}

	static Declaration.Category category(String key, boolean necessary, List<String> types, String purpose) {
		return new Declaration.Category(key, necessary, false, types, Map.of("fr", key, "en", key),
				Map.of("fr", purpose, "en", purpose));
	}

	static Declaration.Service service(String key, String category, boolean thirdParty, String purpose,
			Declaration.Cookie... cookies) {
		return new Declaration.Service(key, key, "Provider", category, thirdParty, null, Map.of("fr", purpose, "en", purpose),
				List.of(cookies));
	}

	static Declaration.Cookie cookie(String name, Integer days, boolean thirdParty, String purpose) {
		return new Declaration.Cookie(name, name.endsWith("*"), null, thirdParty, days, Map.of("fr", "x", "en", "x"),
				Map.of("fr", purpose, "en", purpose), false, null);
	}

	static <T> List<T> add(List<T> list, T item) {
		List<T> copy = new ArrayList<>(list);
		copy.add(item);
		return copy;
	}

	static Declaration withCategories(Declaration d, List<Declaration.Category> categories) {
		return new Declaration(d.siteKey(), d.version(), d.publishedAt(), d.material(), d.materialVersion(), d.site(),
				categories, d.services(), d.bannerTexts(), d.summary());
	}

	static Declaration withServices(Declaration d, List<Declaration.Service> services) {
		return new Declaration(d.siteKey(), d.version(), d.publishedAt(), d.material(), d.materialVersion(), d.site(),
				d.categories(), services, d.bannerTexts(), d.summary());
	}

	static Declaration withService(Declaration d, String key, UnaryOperator<Declaration.Service> change) {
		return withServices(d, d.services().stream().map(s -> s.key().equals(key) ? change.apply(s) : s).toList());
	}

	static Declaration.Service withCookies(Declaration.Service s, List<Declaration.Cookie> cookies) {
		return new Declaration.Service(s.key(), s.name(), s.provider(), s.category(), s.thirdParty(), s.privacyUrl(),
				s.description(), cookies);
	}
}
