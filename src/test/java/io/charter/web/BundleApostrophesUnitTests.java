package io.charter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A text without arguments is shown as written (Spring's message source formats only texts given
 * arguments), so its apostrophe is written once; a text with arguments goes through
 * {@link java.text.MessageFormat}, which reads a lone apostrophe as a quote and drops it. Both
 * mistakes showed on pages in French ("l''annuaire").
 */
class BundleApostrophesUnitTests {

	static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
	static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void apostrophesAreWrittenAsEachTextIsFormatted() throws IOException {
		List<String> wrong = new ArrayList<>();
		var resources = new PathMatchingResourcePatternResolver();
		List<Resource> bundles = new ArrayList<>(List.of(resources.getResources("classpath*:i18n/*.properties")));
		bundles.addAll(List.of(resources.getResources("classpath*:messages*.properties")));
		assertThat(bundles).hasSizeGreaterThan(10);
		for (Resource bundle : bundles) {
			Properties texts = new Properties();
			try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
				texts.load(reader);
			}
			texts.forEach((key, value) -> {
				String text = (String) value;
				boolean formatted = ARGUMENT.matcher(text).find();
				if (!formatted && text.contains("''")) {
					wrong.add(bundle.getFilename() + " " + key + ": shown as written, with a doubled apostrophe");
				}
				if (formatted && LONE_APOSTROPHE.matcher(text.replaceAll("'[{}]'", "")).find()) {
					wrong.add(bundle.getFilename() + " " + key + ": formatted, a lone apostrophe is lost");
				}
			});
		}
		assertThat(wrong).isEmpty();
	}
}
