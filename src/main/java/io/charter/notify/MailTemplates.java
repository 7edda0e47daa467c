package io.charter.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Plain-text templates in {@code mail/<name>_<lang>.txt}: a first line {@code Subject: ...}, then
 * the body. Placeholders are {@code {{name}}}; an unknown one fails loudly rather than sending a
 * half-filled message.
 */
@Component
class MailTemplates {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_]+)}}");

	record Rendered(String language, String subject, String body) {
	}

	Rendered render(String template, String language, Map<String, String> params) {
		String lang = LANGUAGES.contains(language) ? language : "en";
		String text = load(template, lang);
		int newline = text.indexOf('\n');
		if (!text.startsWith("Subject: ") || newline < 0) {
			throw new IllegalStateException("Template " + template + "_" + lang + " has no subject line");
		}
		String subject = fill(text.substring("Subject: ".length(), newline).strip(), params, template);
		String body = fill(text.substring(newline + 1).strip(), params, template);
		return new Rendered(lang, subject, body + "\n");
	}

	static String load(String template, String lang) {
		if (!template.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("Bad template name");
		}
		try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + template + "_" + lang + ".txt")) {
			if (in == null) {
				throw new IllegalArgumentException("No mail template " + template + "_" + lang);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String fill(String text, Map<String, String> params, String template) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = params.get(m.group(1));
			if (value == null) {
				throw new IllegalArgumentException("Template " + template + " needs a value for " + m.group(1));
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}
}
