package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.charter.compliance.web.ClauseRow;
import io.charter.shared.control.ControlStatus;

class LivePolicyUnitTests {

	@Test
	void aStatusLineGoesBeforeEachMarkedClauseTheTableKnowsItsWordsEscaped() {
		String html = "<p>Intro</p><section id=\"clause-S1\"><p>Attend.</p></section><section id=\"clause-S9\"></section>";
		var row = new ClauseRow("S1", "work-behaviors", 1, "Training", "Attend.", ControlStatus.FAILING, List.of(), 0,
				Set.of());

		String live = LivePolicy.html(html, List.of(row), r -> r.id() + ": <failing>");

		assertThat(live).isEqualTo("<p>Intro</p><p class=\"clause-status status-failing\"><a href=\"/compliance#clause-S1\">"
				+ "S1: &lt;failing&gt;</a></p><section id=\"clause-S1\"><p>Attend.</p></section><section id=\"clause-S9\"></section>");
	}
}
