package io.charter.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.charter.policies.web.DiffLine;

class PolicyTextUnitTests {

	@Test
	void rendersMarkdownAndDropsScripts() {
		String html = PolicyText.html("# Title\n\n<script>alert(1)</script>\n\nText with [a link](javascript:alert(1)) and <img src=x onerror=alert(1)>\n");
		assertThat(html).contains("<h1>Title</h1>").doesNotContain("script").doesNotContain("javascript")
				.doesNotContain("onerror").doesNotContain("<img");
	}

	@Test
	void keepsClauseMarksAndListsThem() {
		String md = "<section id=\"clause-S1\">\n\nAttend the training.\n\n</section>\n\n<section id=\"clause-S8\" onclick=\"x()\">\n\n- no\n\n</section>\n";
		assertThat(PolicyText.html(md)).contains("<section id=\"clause-S1\">").doesNotContain("onclick");
		assertThat(PolicyText.clauses(md)).containsExactly("S1", "S8");
	}

	@Test
	void theShippedVersionMarksEveryClauseAndItsHashIsItsMarkdown() throws IOException {
		String sql = new String(getClass().getResourceAsStream("/db/migration/policies/V2026_12_07_1540__policies.sql")
				.readAllBytes(), StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("values \\('work-behaviors', 1, '(.*?)', '([0-9a-f]{64})'", Pattern.DOTALL).matcher(sql);
		assertThat(m.find()).isTrue();
		String markdown = m.group(1).replace("''", "'");
		assertThat(PolicySteps.sha256(markdown)).isEqualTo(m.group(2));
		assertThat(PolicyText.clauses(markdown)).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8");
		assertThat(PolicyText.html(markdown)).contains("All personnel must read and understand the list of prohibited activities")
				.contains("<li>Attempting to interfere with or deny service to any other user.</li>");
	}

	@Test
	void diffShowsRemovedAndAddedLinesInPlace() {
		List<DiffLine> lines = PoliciesController.lines("a\nb\nc", "a\nB\nc\nd");
		assertThat(lines).containsExactly(new DiffLine(DiffLine.Change.KEPT, "a"),
				new DiffLine(DiffLine.Change.REMOVED, "b"), new DiffLine(DiffLine.Change.ADDED, "B"),
				new DiffLine(DiffLine.Change.KEPT, "c"), new DiffLine(DiffLine.Change.ADDED, "d"));
	}
}
