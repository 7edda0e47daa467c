package io.charter.premises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.DeviceRows;
import io.charter.Fixtures;
import io.charter.devices.DeviceLosses;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.shared.Role;

/**
 * Incident reports through their pages: an unrecognised person alerts the reporter's manager and the
 * security team at once, other kinds do not; bad input keeps what was typed; the security team
 * acknowledges (the time is measured) and resolves with an outcome; who reaches what.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class IncidentsIntegrationTests {

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	DirectoryChanges people;
	@Autowired
	Incidents incidents;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	DeviceLosses losses;

	String p = "in" + UUID.randomUUID().toString().substring(0, 6);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	PersonSummary person(String name, UUID manager) {
		return people.create(new PersonDetails(name + " " + p, name.toLowerCase() + "@" + p + ".test", null,
				PersonKind.EMPLOYEE, "IT", manager, LocalDate.of(2024, 1, 1), null, "nl"));
	}

	List<String> sentTo(String email) {
		return jdbc.sql("select template || ':' || language from outbox_message where recipient = :to"
				+ " and template like 'premises-%' order by created_at").param("to", email).query(String.class).list();
	}

	UUID latestOf(PersonSummary reporter) {
		return jdbc.sql("select id from premises_incident where reporter_id = :r order by reported_at desc limit 1")
				.param("r", reporter.id()).query(UUID.class).single();
	}

	@Test
	void anUnrecognisedPersonAlertsTheManagerAndTheSecurityTeamAtOnce() throws Exception {
		PersonSummary manager = person("Mia", null);
		PersonSummary reporter = person("Remy", manager.id());
		fixtures.user(reporter.email(), "en", Role.EMPLOYEE);
		String guard = fixtures.user(Fixtures.uniqueEmail("guard"), "fr", Role.SECURITY).email();
		String auditor = fixtures.user(Role.AUDITOR).email();
		SecurityContextHolder.clearContext();
		MockHttpSession employee = Fixtures.signIn(mvc, reporter.email(), Fixtures.PASSWORD);

		mvc.perform(get("/incidents/report").session(employee)).andExpect(status().isOk());
		// Bad input: nothing recorded, the typed values kept, each problem on its field.
		mvc.perform(post("/incidents/report").session(employee).with(csrf()).param("kind", "ghost").param("where", "")
				.param("description", "tall " + p).param("when", "yesterday"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Choose what happened.")))
				.andExpect(content().string(containsString("tall " + p)))
				.andExpect(content().string(containsString("Give a date and time.")));
		assertThat(jdbc.sql("select count(*) from premises_incident where reporter_id = :r").param("r", reporter.id())
				.query(Integer.class).single()).isZero();

		mvc.perform(post("/incidents/report").session(employee).with(csrf()).param("kind", "unrecognised-person")
				.param("where", "Floor 3, kitchen").param("description", "No badge"))
				.andExpect(redirectedUrl("/incidents/report"));
		assertThat(sentTo(manager.email())).containsExactly("premises-incident-alert:nl");
		assertThat(sentTo(guard)).containsExactly("premises-incident-alert:fr");

		// A lost device is chosen among the reporter's own: another's is refused, the report kept.
		UUID own = DeviceRows.enrolled(jdbc, reporter.id(), "laptop-" + p);
		UUID others = DeviceRows.enrolled(jdbc, manager.id(), "manager-laptop-" + p);
		mvc.perform(get("/incidents/report").session(employee)).andExpect(content().string(containsString("laptop-" + p)))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("manager-laptop-" + p))));
		mvc.perform(post("/incidents/report").session(employee).with(csrf()).param("kind", "lost-device")
				.param("where", "Train " + p).param("device", others.toString())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Choose one of your devices.")))
				.andExpect(content().string(containsString("Train " + p)));
		assertThat(jdbc.sql("select count(*) from device_loss where device_id = :d").param("d", others)
				.query(Integer.class).single()).isZero();
		mvc.perform(post("/incidents/report").session(employee).with(csrf()).param("kind", "lost-device")
				.param("where", "Train").param("device", own.toString()))
				.andExpect(redirectedUrl("/incidents/report"));
		Incident lost = incidents.find(latestOf(reporter)).orElseThrow();
		assertThat(lost.deviceRef()).isEqualTo("laptop-" + p);
		assertThat(lost.deviceId()).isEqualTo(own);
		assertThat(losses.reportedLost(own)).isPresent();
		assertThat(losses.reportedLost(others)).isEmpty();
		assertThat(sentTo(manager.email())).hasSize(1);
		mvc.perform(get("/incidents").session(employee)).andExpect(status().isForbidden());

		MockHttpSession security = Fixtures.signIn(mvc, guard, Fixtures.PASSWORD);
		mvc.perform(get("/incidents").session(security)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Floor 3, kitchen")));
		// The device page shows the mark; the security team may choose any device.
		mvc.perform(get("/devices/" + own).session(security)).andExpect(status().isOk())
				.andExpect(content().string(containsString("Signalé perdu ou volé le")));
		mvc.perform(get("/devices/" + others).session(security))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Signalé perdu ou volé le"))));
		PersonSummary officer = person("Sol", null);
		fixtures.user(officer.email(), "en", Role.EMPLOYEE, Role.SECURITY);
		SecurityContextHolder.clearContext();
		mvc.perform(get("/incidents/report").session(Fixtures.signIn(mvc, officer.email(), Fixtures.PASSWORD)))
				.andExpect(content().string(containsString("manager-laptop-" + p)));
		MockHttpSession reader = Fixtures.signIn(mvc, auditor, Fixtures.PASSWORD);
		mvc.perform(post("/incidents/" + lost.id() + "/acknowledge").session(reader).with(csrf()))
				.andExpect(status().isForbidden());
		mvc.perform(post("/incidents/" + lost.id() + "/acknowledge").session(security).with(csrf()))
				.andExpect(redirectedUrl("/incidents#incident-" + lost.id()));
		Incident acknowledged = incidents.find(lost.id()).orElseThrow();
		assertThat(acknowledged.status()).isEqualTo(Incident.Status.ACKNOWLEDGED);
		assertThat(acknowledged.timeToAcknowledge().isNegative()).isFalse();
		mvc.perform(post("/incidents/" + lost.id() + "/resolve").session(security).with(csrf()).param("outcome", " "))
				.andExpect(redirectedUrl("/incidents#incident-" + lost.id()));
		assertThat(incidents.find(lost.id()).orElseThrow().status()).isEqualTo(Incident.Status.ACKNOWLEDGED);
		mvc.perform(post("/incidents/" + lost.id() + "/resolve").session(security).with(csrf())
				.param("outcome", "Found at the station")).andExpect(redirectedUrl("/incidents#incident-" + lost.id()));
		Incident resolved = incidents.find(lost.id()).orElseThrow();
		assertThat(resolved.status()).isEqualTo(Incident.Status.RESOLVED);
		assertThat(resolved.outcome()).isEqualTo("Found at the station");
		assertThatThrownBy(() -> resolved.acknowledge(resolved.resolvedAt()))
				.isInstanceOf(io.charter.shared.RuleViolation.class);
	}

	@Autowired
	io.charter.platform.BaseUrl baseUrl;

	/** The alert names the kind, place and link of the report, never the reporter, for the configured receiver. */
	@Test
	void theIncidentAlertNamesThePlaceAndTheLinkNeverTheReporter() {
		var webhooks = org.mockito.Mockito.mock(io.charter.notify.Webhooks.class);
		UUID reporter = UUID.randomUUID();
		Incident incident = new Incident(UUID.randomUUID(), Incident.Kind.UNRECOGNISED_PERSON, "Lobby " + p,
				java.time.Instant.parse("2026-12-07T09:30:00Z"), "Tall, grey coat", null, null, reporter,
				Incident.Status.NEW, java.time.Instant.now(), null, null, null);
		IncidentWebhook endpoint = new IncidentWebhook(new PremisesSettings(java.time.Duration.ofDays(30),
				java.time.LocalTime.of(18, 0), "https://chat.example.test/hook", "s3cret"), webhooks, baseUrl);
		endpoint.alert(incident);

		@SuppressWarnings("unchecked")
		org.mockito.ArgumentCaptor<java.util.Map<String, Object>> payload = org.mockito.ArgumentCaptor
				.forClass(java.util.Map.class);
		org.mockito.Mockito.verify(webhooks).post(org.mockito.ArgumentMatchers.eq("premises-incident"), payload.capture());
		assertThat(payload.getValue()).containsEntry("kind", "unrecognised-person").containsEntry("where", "Lobby " + p)
				.containsEntry("occurredAt", "2026-12-07T09:30:00Z")
				.containsEntry("link", baseUrl.to("/incidents#incident-" + incident.id()));
		assertThat(payload.getValue().values().toString()).doesNotContain(reporter.toString(), "grey coat");
		assertThat(endpoint.url()).isEqualTo("https://chat.example.test/hook");
		assertThat(endpoint.secret()).isEqualTo("s3cret");
	}
}
