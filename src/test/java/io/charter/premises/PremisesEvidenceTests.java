package io.charter.premises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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

/** The premises' evidence rows: visits with their host, incidents, desk checks; never a visitor's name. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PremisesEvidenceTests {

	@Autowired
	PremisesControls controls;
	@Autowired
	JdbcClient jdbc;

	@Test
	void visitsIncidentsAndDeskChecksOfThePeriodWithoutPersonalDetails() {
		UUID visit = UUID.randomUUID();
		UUID host = UUID.randomUUID();
		jdbc.sql("""
				insert into premises_visit (id, visitor_name, company, email, language, expected_at, host_id, escort,
				  walk_in, checked_in_at, checked_out_at, created_at)
				values (:id, 'Vera Visitor', 'Acme', 'vera@example.test', 'en', :expected, :host, true, false, :in, :out,
				  :expected)""").param("id", visit).param("host", host)
				.param("expected", Utc.odt(Instant.parse("2019-04-02T08:00:00Z")))
				.param("in", Utc.odt(Instant.parse("2019-04-02T08:05:00Z")))
				.param("out", Utc.odt(Instant.parse("2019-04-02T11:00:00Z"))).update();
		UUID incident = UUID.randomUUID();
		jdbc.sql("""
				insert into premises_incident (id, kind, place, occurred_at, description, reporter_id, status, reported_at,
				  acknowledged_at)
				values (:id, 'TAILGATING', 'Door B', :at, 'Someone followed me in', :reporter, 'ACKNOWLEDGED', :at, :ack)""")
				.param("id", incident).param("reporter", UUID.randomUUID())
				.param("at", Utc.odt(Instant.parse("2019-04-03T10:00:00Z")))
				.param("ack", Utc.odt(Instant.parse("2019-04-03T10:30:00Z"))).update();
		UUID check = UUID.randomUUID();
		jdbc.sql("""
				insert into premises_desk_check (id, checked_on, area, desks_checked, checked_by, created_at)
				values (:id, date '2019-04-04', 'Floor 2', 12, 'checker@example.test', current_timestamp)""")
				.param("id", check).update();
		jdbc.sql("""
				insert into premises_desk_finding (id, check_id, desk, found, person_id, created_at)
				values (:id, :check, 'D-7', 'Badge left out', :person, current_timestamp)""").param("id", UUID.randomUUID())
				.param("check", check).param("person", UUID.randomUUID()).update();
		LocalDate from = LocalDate.of(2019, 4, 1);
		LocalDate to = LocalDate.of(2019, 4, 30);

		EvidenceRows visits = controls.evidence(PremisesControls.VISITS, from, to).orElseThrow();
		assertThat(visits.rows()).filteredOn(r -> r.get(0).equals(visit.toString())).containsExactly(java.util.List.of(
				visit.toString(), "2019-04-02T08:00:00Z", host.toString(), "false", "true", "2019-04-02T08:05:00Z",
				"2019-04-02T11:00:00Z"));
		assertThat(visits.rows().toString()).doesNotContain("Vera").doesNotContain("Acme").doesNotContain("vera@");
		assertThat(controls.evidence(PremisesControls.INCIDENTS, from, to).orElseThrow().rows())
				.filteredOn(r -> r.get(0).equals(incident.toString())).containsExactly(java.util.List.of(
						incident.toString(), "TAILGATING", "2019-04-03T10:00:00Z", "2019-04-03T10:00:00Z",
						"2019-04-03T10:30:00Z", "", "ACKNOWLEDGED"));
		assertThat(controls.evidence(PremisesControls.CLEAN_DESK, from, to).orElseThrow().rows())
				.filteredOn(r -> r.get(0).equals(check.toString()))
				.containsExactly(java.util.List.of(check.toString(), "2019-04-04", "Floor 2", "12", "1"));
		assertThat(controls.evidence(PremisesControls.VISITS, LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31))
				.orElseThrow().rows()).noneMatch(r -> r.get(0).equals(visit.toString()));
	}
}
