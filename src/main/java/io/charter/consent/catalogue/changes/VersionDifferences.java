package io.charter.consent.catalogue.changes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.charter.consent.Declaration;
import io.charter.consent.web.VersionChange;


/**
 * What a published version changed against the one before it, field by field, so that people read
 * "retention 180 → 395" instead of two JSON documents. Fields are the components of the
 * declaration's records, compared generically, so a field added to them later shows up here without
 * a change; texts are compared per language.
 */
public final class VersionDifferences {

	private VersionDifferences() {
	}

	public static List<VersionChange> between(Declaration before, Declaration after) {
		List<VersionChange> changes = new ArrayList<>();
		fields(changes, "site", after.site().name(), before.site(), after.site(), Set.of());
		items(changes, "category", before.categories(), after.categories(), Declaration.Category::key,
				(subject, a, b) -> fields(changes, "category", subject, a, b, Set.of("key")));
		items(changes, "service", before.services(), after.services(), Declaration.Service::key, (subject, a, b) -> {
			fields(changes, "service", subject, a, b, Set.of("key", "cookies"));
			items(changes, "cookie", a.cookies(), b.cookies(), c -> subject + "/" + c.name(),
					(cookie, x, y) -> fields(changes, "cookie", cookie, x, y, Set.of("name")));
		});
		Set<String> languages = new LinkedHashSet<>(before.bannerTexts().keySet());
		languages.addAll(after.bannerTexts().keySet());
		for (String language : languages) {
			Map<String, String> was = before.bannerTexts().getOrDefault(language, Map.of());
			Map<String, String> is = after.bannerTexts().getOrDefault(language, Map.of());
			Set<String> keys = new LinkedHashSet<>(was.keySet());
			keys.addAll(is.keySet());
			for (String key : keys) {
				if (!Objects.equals(was.get(key), is.get(key))) {
					changes.add(new VersionChange("text", key, "changed", key, language, was.get(key), is.get(key)));
				}
			}
		}
		return changes;
	}

	private interface Compare<T> {
		void apply(String subject, T before, T after);
	}

	/** Items added, removed, and compared when kept, in the new version's order then the removed ones. */
	private static <T> void items(List<VersionChange> changes, String item, List<T> before, List<T> after,
			Function<T, String> key, Compare<T> compare) {
		Map<String, T> was = new LinkedHashMap<>();
		before.forEach(t -> was.putIfAbsent(key.apply(t), t));
		Set<String> kept = new LinkedHashSet<>();
		for (T t : after) {
			String subject = key.apply(t);
			T old = was.get(subject);
			if (old == null) {
				changes.add(new VersionChange(item, subject, "added", null, null, null, null));
			}
			else {
				kept.add(subject);
				compare.apply(subject, old, t);
			}
		}
		was.keySet().stream().filter(subject -> !kept.contains(subject))
				.forEach(subject -> changes.add(new VersionChange(item, subject, "removed", null, null, null, null)));
	}

	private static void fields(List<VersionChange> changes, String item, String subject, Record before, Record after,
			Set<String> skipped) {
		for (RecordComponent component : after.getClass().getRecordComponents()) {
			String field = component.getName();
			Object was = value(component, before);
			Object is = value(component, after);
			if (skipped.contains(field) || Objects.equals(was, is)) {
				continue;
			}
			if (was instanceof Map<?, ?> || is instanceof Map<?, ?>) {
				Map<?, ?> a = was instanceof Map<?, ?> m ? m : Map.of();
				Map<?, ?> b = is instanceof Map<?, ?> m ? m : Map.of();
				Set<Object> languages = new LinkedHashSet<>(a.keySet());
				languages.addAll(b.keySet());
				for (Object language : languages) {
					if (!Objects.equals(a.get(language), b.get(language))) {
						changes.add(new VersionChange(item, subject, "changed", field, String.valueOf(language),
								a.get(language), b.get(language)));
					}
				}
			}
			else {
				changes.add(new VersionChange(item, subject, "changed", field, null, was, is));
			}
		}
	}

	private static Object value(RecordComponent component, Record of) {
		try {
			return component.getAccessor().invoke(of);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("cannot read " + component.getName() + " of " + of.getClass(), e);
		}
	}
}
