package io.charter.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Plain-text templates in {@code mail/<name>_<lang>.txt}: a first line {@code Subject: ...}, then
 * the body. Placeholders are {@code {{name}}}; an unknown one fails loudly rather than sending a
 * half-filled message. A one-time link fills a body placeholder twice: masked in the body readers
 * of the outbox see, whole in the body that is sent.
 */
@Component
class MailTemplates {

	static final Set<String> LANGUAGES = Set.of("en", "fr", "nl");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_]+)}}");

	/**
	 * @param body what readers of the outbox see: one-time links masked
	 * @param bodyToSend the body with its one-time links whole; null when it has none (then body is sent)
	 */
	record Rendered(String language, String subject, String body, String bodyToSend) {
	}

	Rendered render(String template, String language, Map<String, String> params, Map<String, OneTimeLink> links) {
		String lang = LANGUAGES.contains(language) ? language : "en";
		String text = load(template, lang);
		int newline = text.indexOf('\n');
		if (!text.startsWith("Subject: ") || newline < 0) {
			throw new IllegalStateException("Template " + template + "_" + lang + " has no subject line");
		}
		for (String name : links.keySet()) {
			if (params.containsKey(name)) {
				throw new IllegalArgumentException("Template " + template + ": " + name + " is both a value and a link");
			}
		}
		String subject = fill(text.substring("Subject: ".length(), newline).strip(), params::get, template);
		String body = text.substring(newline + 1).strip();
		String masked = fill(body, valueOrLink(params, links, OneTimeLink::masked), template) + "\n";
		String whole = links.isEmpty() ? null : fill(body, valueOrLink(params, links, OneTimeLink::url), template) + "\n";
		return new Rendered(lang, subject, masked, whole);
	}

	private static Function<String, String> valueOrLink(Map<String, String> params, Map<String, OneTimeLink> links,
			Function<OneTimeLink, String> shown) {
		return name -> links.containsKey(name) ? shown.apply(links.get(name)) : params.get(name);
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

	private static String fill(String text, Function<String, String> values, String template) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.apply(m.group(1));
			if (value == null) {
				throw new IllegalArgumentException("Template " + template + " needs a value for " + m.group(1));
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}
}
