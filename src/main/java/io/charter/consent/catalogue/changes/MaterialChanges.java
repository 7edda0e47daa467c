package io.charter.consent.catalogue.changes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.charter.consent.Declaration;
import io.charter.consent.web.Finding;


/**
 * Whether a new declaration asks visitors for more than the previous one did, in which case
 * everyone who consented before must be asked again. Material: a new category; a new service or
 * cookie outside {@code necessary}; a widened purpose, which is any change of the purpose or
 * description text of a category, service or cookie outside {@code necessary}, a service moved into
 * a category other than {@code necessary}, a category granting more Consent Mode types, a cookie
 * kept longer, or a service or cookie handed to another party. Everything else (removals, names,
 * notes, banner wording, site settings, necessary cookies) is not material.
 */
public final class MaterialChanges {

	private MaterialChanges() {
	}

	/** True when nothing a visitor can see changed between the two versions. */
	public static boolean sameContent(Declaration a, Declaration b) {
		return a.site().equals(b.site()) && a.categories().equals(b.categories()) && a.services().equals(b.services())
				&& a.bannerTexts().equals(b.bannerTexts());
	}

	/** What makes {@code next} material against {@code previous}; empty when it is not material. */
	public static List<Finding> between(Declaration previous, Declaration next) {
		List<Finding> findings = new ArrayList<>();
		Map<String, Declaration.Category> before = byKey(previous.categories(), Declaration.Category::key);
		for (Declaration.Category category : next.categories()) {
			Declaration.Category old = before.get(category.key());
			if (old == null) {
				findings.add(new Finding("category-added", category.key()));
				continue;
			}
			if (category.necessary()) {
				continue;
			}
			if (!Objects.equals(old.description(), category.description())) {
				findings.add(new Finding("category-purpose-changed", category.key()));
			}
			Set<String> added = new HashSet<>(category.gcmTypes());
			added.removeAll(old.gcmTypes());
			added.stream().sorted().forEach(type -> findings.add(new Finding("category-types-added", category.key() + ": " + type)));
		}
		Map<String, Declaration.Service> services = byKey(previous.services(), Declaration.Service::key);
		for (Declaration.Service service : next.services()) {
			if (necessary(next, service.category())) {
				continue;
			}
			Declaration.Service old = services.get(service.key());
			if (old == null) {
				findings.add(new Finding("service-added", service.key()));
				continue;
			}
			if (!old.category().equals(service.category())) {
				findings.add(new Finding("service-moved", service.key() + ": " + old.category() + " → " + service.category()));
			}
			boolean describedAnew = !Objects.equals(old.description(), service.description());
			if (describedAnew) {
				findings.add(new Finding("service-purpose-changed", service.key()));
			}
			if (!old.provider().equals(service.provider()) || !old.thirdParty() && service.thirdParty()) {
				findings.add(new Finding("service-party-changed", service.key()));
			}
			Map<String, Declaration.Cookie> cookies = byKey(old.cookies(), Declaration.Cookie::name);
			for (Declaration.Cookie cookie : service.cookies()) {
				String subject = service.key() + "/" + cookie.name();
				Declaration.Cookie was = cookies.get(cookie.name());
				if (was == null) {
					findings.add(new Finding("cookie-added", subject));
					continue;
				}
				// A cookie without its own purpose shows the service's description: reported once, above.
				if (!describedAnew && !Objects.equals(was.purpose(), cookie.purpose())) {
					findings.add(new Finding("cookie-purpose-changed", subject));
				}
				if (longer(was.retentionDays(), cookie.retentionDays())) {
					findings.add(new Finding("cookie-kept-longer", subject));
				}
				if (!was.thirdParty() && cookie.thirdParty()) {
					findings.add(new Finding("cookie-party-changed", subject));
				}
			}
		}
		return findings;
	}

	private static boolean necessary(Declaration declaration, String category) {
		Declaration.Category c = declaration.category(category);
		return c != null && c.necessary();
	}

	/** Session (null) is the shortest; any number of days is longer than a session. */
	private static boolean longer(Integer before, Integer after) {
		if (after == null) {
			return false;
		}
		return before == null || after > before;
	}

	private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
		return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
	}
}
