package io.charter.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MailTemplatesTests {

	final MailTemplates templates = new MailTemplates();

	@Test
	void everyTemplateExistsInEveryLanguageWithTheSamePlaceholders() throws Exception {
		File folder = new File(MailTemplates.class.getResource("/mail").toURI());
		Set<String> names = new TreeSet<>();
		for (String file : folder.list()) {
			names.add(file.replaceAll("_[a-z]{2}\\.txt$", ""));
		}
		assertThat(names).contains("invitation");
		for (String name : names) {
			Set<String> english = placeholders(MailTemplates.load(name, "en"));
			for (String lang : Set.of("fr", "nl")) {
				assertThat(placeholders(MailTemplates.load(name, lang))).as(name + "_" + lang).isEqualTo(english);
			}
		}
	}

	@Test
	void rendersSubjectAndBodyInTheLanguage() {
		var rendered = templates.render("invitation", "nl", Map.of("name", "Jan", "link", "https://x/invitation/abc", "days", "7"),
				Map.of());
		assertThat(rendered.subject()).isEqualTo("Uw Charter-account");
		assertThat(rendered.body()).contains("Hallo Jan", "https://x/invitation/abc", "7 dagen");
		assertThat(templates.render("invitation", "de", Map.of("name", "A", "link", "l", "days", "7"), Map.of()).language())
				.isEqualTo("en");
	}

	@Test
	void refusesToSendAHalfFilledMessage() {
		assertThatThrownBy(() -> templates.render("invitation", "en", Map.of("name", "A"), Map.of()))
				.hasMessageContaining("needs a value for");
		assertThatThrownBy(() -> templates.render("../secret", "en", Map.of(), Map.of())).isExactlyInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void masksOneTimeLinksForReadersAndKeepsThemWholeForTheAddressee() {
		String secret = "s3cr3t-0123456789-abcdefghij-ABCDEFGHIJ-xyz";
		var link = new OneTimeLink("https://x/invitation/" + secret, secret);
		var rendered = templates.render("invitation", "en", Map.of("name", "Ann", "days", "7"), Map.of("link", link));

		assertThat(rendered.body()).contains("https://x/invitation/" + OneTimeLink.MASK).doesNotContain(secret);
		assertThat(rendered.bodyToSend()).contains("https://x/invitation/" + secret, "Hello Ann");
		assertThat(rendered.subject()).doesNotContain(secret);
		assertThat(link.toString()).doesNotContain(secret);
		assertThat(templates.render("invitation", "en", Map.of("name", "A", "link", "l", "days", "7"), Map.of()).bodyToSend())
				.as("nothing to keep apart").isNull();
	}

	@Test
	void aOneTimeLinkIsNeverAnOrdinaryValue() {
		String secret = "s3cr3t-0123456789-abcdefghij-ABCDEFGHIJ-xyz";
		var link = new OneTimeLink("https://x/invitation/" + secret, secret);
		assertThatThrownBy(() -> templates.render("invitation", "en", Map.of("name", "A", "days", "7", "link", "l"),
				Map.of("link", link))).isExactlyInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new OneTimeLink("https://x/invitation/abc", "abc"))
				.as("too short to mask exactly").isExactlyInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new OneTimeLink("https://x/invitation/", secret))
				.as("not in the address").isExactlyInstanceOf(IllegalArgumentException.class);
	}

	static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = Pattern.compile("\\{\\{([a-zA-Z0-9_]+)}}").matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}
}
