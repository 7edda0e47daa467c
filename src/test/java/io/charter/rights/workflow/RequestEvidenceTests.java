package io.charter.rights.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.charter.platform.Utc;
import io.charter.shared.control.EvidenceRows;

/** C7's evidence rows: every request open in the period with its deadline and whether it was met. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class RequestEvidenceTests {

	@Autowired
	RequestControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsOfThePeriodWithTheirDeadlineMetOrNotAndNoRequester() {
		String late = request("2019-01-20", "2019-02-20", Instant.parse("2019-02-25T10:00:00Z"), true);
		String onTime = request("2019-02-01", "2019-03-01", Instant.parse("2019-02-10T10:00:00Z"), false);
		String open = request("2019-02-20", "2019-03-20", null, false);
		String before = request("2018-11-01", "2018-12-01", Instant.parse("2018-11-20T10:00:00Z"), false);

		EvidenceRows rows = controls.evidence(RequestControls.ON_TIME, LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28))
				.orElseThrow();

		assertThat(rows.header()).containsExactly("reference", "type", "received_on", "due_on", "extended", "closed_on",
				"status", "deadline_met");
		List<List<String>> mine = rows.rows().stream().filter(r -> List.of(late, onTime, open, before).contains(r.get(0)))
				.toList();
		assertThat(mine).containsExactly(
				List.of(late, "ACCESS", "2019-01-20", "2019-02-20", "false", "2019-02-25", "COMPLETED", "no"),
				List.of(onTime, "ACCESS", "2019-02-01", "2019-03-01", "false", "2019-02-10", "COMPLETED", "yes"),
				List.of(open, "ACCESS", "2019-02-20", "2019-03-20", "false", "", "RECEIVED", "open"));
		assertThat(rows.rows().toString()).doesNotContain("Rita").doesNotContain("rita@");
	}

	private String request(String received, String due, Instant closed, boolean late) {
		String reference = "EV-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				insert into rights_request (id, reference, request_type, status, channel, requester_name, email, language,
				  received_on, received_at, first_due_on, due_on, suspended_days, extended, closed_at, answered_late, version)
				values (:id, :ref, 'ACCESS', :status, 'FORM', 'Rita Requester', 'rita@example.test', 'en', :received, :at,
				  :due, :due, 0, false, :closed, :late, 0)""").param("id", UUID.randomUUID()).param("ref", reference)
				.param("status", closed == null ? "RECEIVED" : "COMPLETED").param("received", LocalDate.parse(received))
				.param("at", Utc.odt(LocalDate.parse(received).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
				.param("due", LocalDate.parse(due)).param("closed", Utc.odt(closed)).param("late", late).update();
		return reference;
	}
}
