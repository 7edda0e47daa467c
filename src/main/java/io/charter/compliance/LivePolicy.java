package io.charter.compliance;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.charter.compliance.web.ClauseRow;

/**
 * The policy's own words with each marked clause's status beside it: a status line goes before every
 * element the text marks {@code id="clause-S1"}. The text comes sanitised from {@code policies}; the
 * status line is built as elements, so its words are escaped like any text.
 */
final class LivePolicy {

	private LivePolicy() {
	}

	/** The HTML with a status line before each marked clause the table knows; {@code label} words it. */
	static String html(String policyHtml, List<ClauseRow> rows, Function<ClauseRow, String> label) {
		Map<String, ClauseRow> byId = rows.stream().collect(Collectors.toMap(ClauseRow::id, r -> r));
		Document document = Jsoup.parseBodyFragment(policyHtml);
		for (Element marked : document.select("[id^=clause-]")) {
			ClauseRow row = byId.get(marked.id().substring("clause-".length()));
			if (row == null) {
				continue;
			}
			Element status = new Element("p").addClass("clause-status")
					.addClass("status-" + row.status().name().toLowerCase().replace('_', '-'));
			status.appendElement("a").attr("href", "/compliance#clause-" + row.id()).text(label.apply(row));
			marked.before(status);
		}
		document.outputSettings().prettyPrint(false);
		return document.body().html();
	}
}
