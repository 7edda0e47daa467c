package io.charter.policies;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.charter.shared.WrittenTexts;

/**
 * The title key of a document created in the console ({@code policies.duty.<id>}, which no bundle
 * has) reads as the title written for it in the page's language, on "my compliance", the overview and
 * the compliance table alike. One look-up by primary key, asked only for keys the bundles lack.
 */
@Component
class PolicyTitles implements WrittenTexts {

	static final String PREFIX = "policies.duty.";

	private final PolicyDocuments documents;

	PolicyTitles(PolicyDocuments documents) {
		this.documents = documents;
	}

	@Override
	public Optional<String> text(String key, Locale locale) {
		if (key == null || !key.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String id = key.substring(PREFIX.length());
		return PolicySteps.KEY.matcher(id).matches() ? documents.document(id).map(d -> d.title(locale)) : Optional.empty();
	}
}
