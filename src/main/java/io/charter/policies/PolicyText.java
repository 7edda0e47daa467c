package io.charter.policies;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * A version's Markdown as the page shows it: CommonMark (with GitHub tables) to HTML, then jsoup's
 * safelist, so an author's raw HTML can mark clauses ({@code <section id="clause-S1">}) but never run
 * a script or style the page.
 */
final class PolicyText {

	private static final Pattern CLAUSE = Pattern.compile("id=\"clause-([A-Za-z0-9]+)\"");

	private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	// The relaxed list (text, lists, tables, links, images) plus the clause marks; links may only
	// leave by http(s) or mail, and open nothing but what they name.
	private static final Safelist SAFE = Safelist.relaxed()
			.addTags("section", "span")
			.addAttributes("section", "id")
			.addAttributes("span", "id")
			.removeTags("img")
			.addEnforcedAttribute("a", "rel", "nofollow noopener");

	private PolicyText() {
	}

	static String html(String markdown) {
		return Jsoup.clean(RENDERER.render(PARSER.parse(markdown)), SAFE);
	}

	/** The clauses the text marks, in their order ({@code S1}, {@code S2}). */
	static Set<String> clauses(String markdown) {
		Set<String> clauses = new LinkedHashSet<>();
		Matcher m = CLAUSE.matcher(html(markdown));
		while (m.find()) {
			clauses.add(m.group(1));
		}
		return clauses;
	}
}
