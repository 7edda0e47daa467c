package io.charter.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;

/** The daily snapshot keeps each control's figure once a day: a second run changes nothing. */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class SnapshotsIntegrationTests {

	@Autowired
	Snapshots snapshots;

	@Test
	void aDayIsKeptOnceAndReadBack() {
		// A day no other test snapshots.
		LocalDate day = LocalDate.of(2400 + (int) (Math.random() * 500), 3, 1);
		Control trained = Control.share("training-12-months", "t", Set.of("S1"), 90, 100, 4, 0.95, "f", null);
		Control gap = Control.notMeasured("device-screen-lock", "t", Set.of("S5"), "f", null);

		assertThat(snapshots.keep(day, List.of(trained, gap))).isEqualTo(2);
		Control later = Control.share("training-12-months", "t", Set.of("S1"), 99, 100, 0, 0.95, "f", null);
		assertThat(snapshots.keep(day, List.of(later))).isZero();

		assertThat(snapshots.between(day, day)).containsExactly(
				new Snapshots.Point(day, "device-screen-lock", Set.of("S5"), ControlStatus.NOT_MEASURED, 0, 0, 0),
				new Snapshots.Point(day, "training-12-months", Set.of("S1"), ControlStatus.ATTENTION, 90, 100, 4));
		assertThat(snapshots.between(day.plusDays(1), day.plusDays(2))).isEmpty();
	}

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;
	@Autowired
	io.charter.Fixtures fixtures;
	@Autowired
	ComplianceQueries queries;

	@Test
	void theTableAndAClausePageDrawTheTrendWithItsTable() throws Exception {
		LocalDate today = queries.today();
		// A control of its own, so other tests' snapshots of today do not meet it.
		Control mine = Control.share("trend-drawn", "t", Set.of("S4"), 93, 100, 0, 0.95, "f", null);
		snapshots.keep(today.minusDays(40), List.of(mine));
		snapshots.keep(today.minusDays(1), List.of(mine));

		var auditor = io.charter.Fixtures.signIn(mvc, fixtures.user(io.charter.shared.Role.AUDITOR).email(),
				io.charter.Fixtures.PASSWORD);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/compliance/clauses/S4")
				.session(auditor))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.allOf(
								org.hamcrest.Matchers.containsString("<title id=\"trend-clause-t\">Trend over twelve months: S4</title>"),
								org.hamcrest.Matchers.containsString("<polyline points="),
								org.hamcrest.Matchers.containsString("<td>93 %</td>"))));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/compliance").session(auditor))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.allOf(
								org.hamcrest.Matchers.containsString("Trend over twelve months: the whole policy"),
								org.hamcrest.Matchers.containsString("aria-labelledby=\"spark-S4\""))));
	}
}
