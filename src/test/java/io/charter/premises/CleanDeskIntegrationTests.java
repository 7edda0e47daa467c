package io.charter.premises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.premises.PremisesEvent.DeskCheckRecorded;
import io.charter.premises.PremisesEvent.DeskFindingRecorded;
import io.charter.shared.Role;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;
import io.charter.shared.personaldata.DataSubject;

/**
 * Clean-desk spot checks (S4) through their pages: bad input keeps what was typed with an error per
 * field; a finding naming a person can tell them in their language; the quarter's control counts the
 * desks; the finding is the person's data for a data-subject request; only SECURITY and ADMIN record.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CleanDeskIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	DirectoryChanges people;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	PremisesControls controls;
	@Autowired
	VisitsHolder holder;
	@Autowired
	Clock clock;
	@Value(PremisesSettings.ZONE)
	ZoneId zone;
	@Autowired
	ApplicationEvents events;

	String p = "cd" + UUID.randomUUID().toString().substring(0, 6);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	Control cleanDesk(LocalDate today) {
		return controls.controls(today).stream().filter(c -> c.id().equals("clean-desk-checks")).findFirst().orElseThrow();
	}

	List<String> sentTo(String email) {
		return jdbc.sql("select template || ':' || language from outbox_message where recipient = :to"
				+ " and template like 'premises-%' order by created_at").param("to", email).query(String.class).list();
	}

	@Test
	void aSpotCheckWithAFindingThatTellsThePersonInTheirLanguage() throws Exception {
		PersonSummary owner = people.create(new PersonDetails("Desmond " + p, "desmond@" + p + ".test", null,
				PersonKind.EMPLOYEE, "IT", null, LocalDate.of(2024, 1, 1), null, "fr"));
		String guard = fixtures.user(Fixtures.uniqueEmail("guard"), "en", Role.SECURITY).email();
		String auditor = fixtures.user(Role.AUDITOR).email();
		String employee = fixtures.user(Role.EMPLOYEE).email();
		SecurityContextHolder.clearContext();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Control before = cleanDesk(today);

		MockHttpSession security = Fixtures.signIn(mvc, guard, Fixtures.PASSWORD);
		mvc.perform(get("/premises/clean-desk").session(security)).andExpect(status().isOk());
		// Bad input: nothing recorded, the typed values kept, each problem on its field.
		mvc.perform(post("/premises/clean-desk").session(security).with(csrf()).param("day", "someday")
				.param("area", "Floor " + p).param("desks", "0")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Give a date.")))
				.andExpect(content().string(containsString("Give the number of desks checked")))
				.andExpect(content().string(containsString("value=\"Floor " + p + "\"")));
		assertThat(jdbc.sql("select count(*) from premises_desk_check where area = :a").param("a", "Floor " + p)
				.query(Integer.class).single()).isZero();

		mvc.perform(post("/premises/clean-desk").session(security).with(csrf()).param("day", today.toString())
				.param("area", "Floor " + p).param("desks", "12"))
				.andExpect(redirectedUrlPattern("/premises/clean-desk/*"));
		UUID check = jdbc.sql("select id from premises_desk_check where area = :a").param("a", "Floor " + p)
				.query(UUID.class).single();
		assertThat(events.stream(DeskCheckRecorded.class).filter(e -> e.checkId().equals(check))).hasSize(1);

		// Telling someone needs the person; the typed finding stays.
		mvc.perform(post("/premises/clean-desk/" + check + "/findings").session(security).with(csrf())
				.param("desk", "D-7").param("found", "Payroll print-out " + p).param("notify", "on"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Name the person to tell.")))
				.andExpect(content().string(containsString("Payroll print-out " + p)));
		mvc.perform(post("/premises/clean-desk/" + check + "/findings").session(security).with(csrf())
				.param("desk", "D-7").param("found", "Payroll print-out " + p).param("person", owner.email())
				.param("followUp", "Shredded").param("notify", "on"))
				.andExpect(redirectedUrlPattern("/premises/clean-desk/*"));
		mvc.perform(post("/premises/clean-desk/" + check + "/findings").session(security).with(csrf())
				.param("desk", "D-9").param("found", "Unlocked drawer with keys"))
				.andExpect(redirectedUrlPattern("/premises/clean-desk/*"));
		assertThat(sentTo(owner.email())).containsExactly("premises-clean-desk-finding:fr");
		assertThat(events.stream(DeskFindingRecorded.class).filter(e -> e.checkId().equals(check))
				.map(DeskFindingRecorded::notified)).containsExactlyInAnyOrder(true, false);

		MockHttpSession reader = Fixtures.signIn(mvc, auditor, Fixtures.PASSWORD);
		mvc.perform(get("/premises/clean-desk/" + check).session(reader)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Desmond " + p)))
				.andExpect(content().string(containsString("Shredded")));
		mvc.perform(post("/premises/clean-desk/" + check + "/findings").session(reader).with(csrf())
				.param("desk", "D-1").param("found", "x")).andExpect(status().isForbidden());
		MockHttpSession staff = Fixtures.signIn(mvc, employee, Fixtures.PASSWORD);
		mvc.perform(get("/premises/clean-desk").session(staff)).andExpect(status().isForbidden());

		Control after = cleanDesk(today);
		assertThat(after.status()).isEqualTo(ControlStatus.PASSING);
		assertThat(after.of() - before.of()).isEqualTo(12);
		assertThat(after.met() - before.met()).isEqualTo(10);
		assertThat(after.arguments()).containsExactly((long) before.arguments().get(0) + 1,
				(long) before.arguments().get(1) + 2);
		// Next quarter nothing is checked yet: attention.
		assertThat(cleanDesk(today.plusMonths(3).withDayOfMonth(1).plusYears(5)).status())
				.isEqualTo(ControlStatus.ATTENTION);

		DataSubject subject = new DataSubject(UUID.randomUUID(), owner.email(), null, "en");
		assertThat(holder.find(subject).records()).isEqualTo(1);
		assertThat(holder.export(subject)).anyMatch(d -> d.name().equals("premises-clean-desk-findings")
				&& d.rows().get(0).get("found").equals("Payroll print-out " + p));
		holder.erase(subject);
		assertThat(holder.find(subject).records()).isZero();
		assertThat(jdbc.sql("select count(*) from premises_desk_finding where check_id = :c").param("c", check)
				.query(Integer.class).single()).isEqualTo(2);
	}
}
