package io.charter.premises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import io.charter.Fixtures;
import io.charter.MovableClock;
import io.charter.people.Directory;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.premises.PremisesEvent.VisitorCheckedIn;
import io.charter.premises.PremisesEvent.VisitsAnonymised;
import io.charter.shared.Role;
import io.charter.shared.RuleViolation;
import io.charter.shared.control.Control;
import io.charter.shared.personaldata.DataSubject;

/**
 * The visitor register on the database: pre-registration and its e-mail, the kiosk's check-in (the
 * host e-mailed at once) and check-out, walk-ins that need a host, bad input on each form, who
 * reaches which page, the end-of-day flag and the anonymisation after the retention period.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class VisitorsIntegrationTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	DirectoryChanges people;
	@Autowired
	Directory directory;
	@Autowired
	VisitSteps steps;
	@Autowired
	Visits visits;
	@Autowired
	PremisesMessages messages;
	@Autowired
	VisitorNotices notices;
	@Autowired
	PremisesSettings settings;
	@Autowired
	ApplicationEventPublisher publisher;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	Clock clock;
	@Autowired
	ApplicationEvents events;
	@Autowired
	VisitsHolder holder;
	@Autowired
	PremisesControls controls;

	String p = "vi" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeEach
	void asReception() {
		SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("test", null, "ROLE_RECEPTION", "ROLE_EMPLOYEE"));
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	PersonSummary person(String name, String language) {
		return people.create(new PersonDetails(name + " " + p, name.toLowerCase() + "@" + p + ".test", null,
				PersonKind.EMPLOYEE, "IT", null, LocalDate.of(2024, 1, 1), null, language));
	}

	List<String> templatesSentTo(String email) {
		return jdbc.sql("select template || ':' || language from outbox_message where recipient = :to order by created_at")
				.param("to", email).query(String.class).list();
	}

	Map<String, String> walkIn(String name, String host, String badge) {
		Map<String, String> v = new HashMap<>();
		v.put("name", name);
		v.put("company", "Acme");
		v.put("host", host);
		v.put("language", "en");
		v.put("badge", badge);
		return v;
	}

	@Test
	void aWalkInNeedsAHostAndTheHostIsEmailedAtCheckIn() {
		PersonSummary host = person("Hana", "fr");
		assertThatThrownBy(() -> steps.walkIn(walkIn("Wally " + p, "", "7")))
				.isInstanceOfSatisfying(VisitSteps.InvalidForm.class,
						e -> assertThat(e.problems).containsEntry("host", "premises.error.host-required"));
		assertThatThrownBy(() -> steps.walkIn(walkIn("Wally " + p, "nobody-" + p, "7")))
				.isInstanceOfSatisfying(VisitSteps.InvalidForm.class,
						e -> assertThat(e.problems).containsEntry("host", "premises.error.host-unknown"));

		Visit visit = steps.walkIn(walkIn("Wally " + p, "Hana " + p, "7"));

		assertThat(visit.status()).isEqualTo(Visit.Status.ON_SITE);
		assertThat(visit.hostId()).isEqualTo(host.id());
		assertThat(visits.find(visit.id()).orElseThrow().badge()).isEqualTo("7");
		// In the host's language, at once (the outbox holds it as the change commits).
		assertThat(templatesSentTo(host.email())).containsExactly("premises-visitor-arrived:fr");
		assertThat(events.stream(VisitorCheckedIn.class).filter(e -> e.visitId().equals(visit.id()))).hasSize(1);
		assertThatThrownBy(() -> steps.checkIn(visit.id(), "8")).isInstanceOf(RuleViolation.class);

		assertThat(steps.checkOut("7").status()).isEqualTo(Visit.Status.LEFT);
		assertThatThrownBy(() -> steps.checkOut("7")).isInstanceOfSatisfying(VisitSteps.InvalidForm.class,
				e -> assertThat(e.problems).containsEntry("badge", "premises.error.badge-unknown"));
	}

	@Test
	void theKioskNoticeNamesTheControllerItsGroundTheRightsAndTheAuthorityInEachLanguage() throws Exception {
		MockHttpSession reception = Fixtures.signIn(mvc, fixtures.user(Role.RECEPTION).email(), Fixtures.PASSWORD);
		// GDPR art. 13(1)(a), (c), (d) and 13(2)(b), (d); the profile names no authority (the policy names none),
		// so the right of art. 77 as such, naming none.
		assertThat(kiosk(reception, "en")).contains("WeGroup records your name", "It is the controller of these personal data.",
				"legitimate interest", "GDPR art. 6(1)(f)", "to object to it", "write to hello@wegroup.be",
				"lodge a complaint with a supervisory authority, in particular in the Member State of your habitual residence");
		assertThat(kiosk(reception, "fr")).contains("WeGroup SA enregistre", "responsable du traitement",
				"données à caractère personnel", "RGPD, art. 6, §1, f)", "auprès d’une autorité de contrôle, en particulier");
		assertThat(kiosk(reception, "nl")).contains("WeGroup NV registreert", "verwerkingsverantwoordelijke",
				"persoonsgegevens", "gerechtvaardigd belang", "bij een toezichthoudende autoriteit, met name in de lidstaat");
	}

	private String kiosk(MockHttpSession session, String language) throws Exception {
		return mvc.perform(get("/kiosk").param("lang", language).session(session)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}

	@Test
	void aHostAnnouncesAVisitorWhoIsFoundAtTheKioskAndNotShownToTheNext() throws Exception {
		// A morning (never ahead of real time): run just before midnight, a visit 30 minutes ahead would be
		// tomorrow's, and the kiosk finds today's visits only. Set first: the e-mails are ordered by the clock.
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(BRUSSELS));
		ZonedDateTime morning = now.toLocalDate().atTime(10, 0).atZone(BRUSSELS);
		((MovableClock) clock).set((morning.isAfter(now) ? morning.minusDays(1) : morning).toInstant());
		PersonSummary host = person("Henri", "en");
		fixtures.user(host.email(), "en", Role.EMPLOYEE);
		String receptionist = fixtures.user(Role.RECEPTION).email();
		SecurityContextHolder.clearContext();
		MockHttpSession employee = Fixtures.signIn(mvc, host.email(), Fixtures.PASSWORD);
		String visitor = "Vera " + p;
		String email = "vera@" + p + ".test";
		String expected = java.time.LocalDateTime.now(clock.withZone(BRUSSELS)).plusMinutes(30).withSecond(0).withNano(0)
				.toString();

		// Bad input: every value kept, each problem on its field.
		mvc.perform(post("/visitors").session(employee).with(csrf()).param("name", visitor).param("email", "not-an-address")
				.param("expected", "tomorrow").param("host", host.email()).param("language", "nl"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("aria-invalid=\"true\"")))
				.andExpect(content().string(containsString("value=\"not-an-address\"")))
				.andExpect(content().string(containsString("Not an e-mail address.")))
				.andExpect(content().string(containsString("Give a date and time.")));
		mvc.perform(post("/visitors").session(employee).with(csrf()).param("name", visitor).param("email", email)
				.param("company", "Acme").param("expected", expected).param("host", host.email()).param("language", "nl"))
				.andExpect(redirectedUrl("/visitors"));
		assertThat(templatesSentTo(email)).containsExactly("premises-visitor-expected:nl");
		// GDPR art. 14: the host gave the visitor's data, so the first e-mail says what is done with them.
		assertThat(jdbc.sql("select body from outbox_message where recipient = :to").param("to", email).query(String.class)
				.single()).contains("WeGroup NV kreeg uw naam en e-mailadres van uw gastheer", "verwerkingsverantwoordelijke",
						"AVG, art. 6, lid 1, f)", "schrijf naar hello@wegroup.be",
						"bij een toezichthoudende autoriteit, met name in de lidstaat");
		mvc.perform(get("/visitors").session(employee)).andExpect(content().string(containsString(visitor)));
		mvc.perform(get("/kiosk").session(employee)).andExpect(status().isForbidden());

		MockHttpSession reception = Fixtures.signIn(mvc, receptionist, Fixtures.PASSWORD);
		mvc.perform(get("/visitors").session(reception)).andExpect(status().isForbidden());
		// One letter lists nobody; the name finds the visit.
		mvc.perform(get("/kiosk").param("q", "V").session(reception)).andExpect(content().string(not(containsString(visitor))));
		String kiosk = mvc.perform(get("/kiosk").param("q", "vera " + p).session(reception))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(kiosk).contains(visitor);
		UUID id = visits.ofVisitor(email, null).get(0).id();
		mvc.perform(post("/kiosk/visits/" + id + "/check-in").session(reception).with(csrf()).param("badge", " "))
				.andExpect(redirectedUrl("/kiosk"));
		assertThat(visits.find(id).orElseThrow().status()).isEqualTo(Visit.Status.EXPECTED);
		mvc.perform(post("/kiosk/visits/" + id + "/check-in").session(reception).with(csrf()).param("badge", "B-12"))
				.andExpect(redirectedUrl("/kiosk"));
		// After the account's invitation, the arrival in the host's language.
		assertThat(templatesSentTo(host.email())).endsWith("premises-visitor-arrived:en");
		// The kiosk the next visitor sees says the badge, never the name.
		mvc.perform(get("/kiosk").session(reception)).andExpect(status().isOk())
				.andExpect(content().string(not(containsString(visitor))));
		mvc.perform(get("/premises/on-site").session(reception)).andExpect(content().string(containsString(visitor)));
		mvc.perform(post("/kiosk/check-out").session(reception).with(csrf()).param("badge", "B-12"))
				.andExpect(redirectedUrl("/kiosk"));
		assertThat(visits.find(id).orElseThrow().status()).isEqualTo(Visit.Status.LEFT);

		// The visitor's data-subject request: found, exported and erased by address; the visit stays.
		DataSubject subject = new DataSubject(UUID.randomUUID(), email, null, "fr");
		assertThat(holder.find(subject).records()).isEqualTo(1);
		assertThat(holder.export(subject)).singleElement().satisfies(d -> assertThat(d.rows().get(0)).containsEntry("name", visitor));
		holder.erase(subject);
		assertThat(visits.find(id).orElseThrow().visitorName()).isNull();
		assertThat(holder.find(subject).records()).isZero();
		// The month's visits all have a host (the schema requires one).
		Control hosted = controls.controls(LocalDate.now(clock.withZone(BRUSSELS))).get(0);
		assertThat(hosted.id()).isEqualTo("visits-with-host");
		assertThat(hosted.met()).isEqualTo(hosted.of()).isPositive();
		// With the visitors checked in this month (S3), at least the one checked in above.
		assertThat((Integer) hosted.arguments().get(0)).isPositive();
	}

	/** A walk-in who gave no address is found by name; a namesake who gave an address is someone else. */
	@Test
	void aVisitorWithoutAnAddressIsFoundByNameAndANamesakeWithAnAddressIsNot() {
		person("Hilde", "en");
		Visit noAddress = steps.walkIn(walkIn("Wendy Walk " + p, "Hilde " + p, "W1-" + p));
		Map<String, String> namesake = walkIn("Wendy Walk " + p, "Hilde " + p, "W2-" + p);
		namesake.put("email", "wendy@elsewhere-" + p + ".test");
		Visit withAddress = steps.walkIn(namesake);

		// Typed with other capitals and spaces, and the address she uses now.
		DataSubject subject = new DataSubject(UUID.randomUUID(), "wendy@now-" + p + ".test", null, "en",
				"  wendy   WALK " + p);
		assertThat(holder.find(subject).records()).isEqualTo(1);
		assertThat(holder.export(subject)).singleElement()
				.satisfies(d -> assertThat(d.rows()).singleElement().satisfies(r -> assertThat(r).containsEntry("badge", "W1-" + p)));
		holder.erase(subject);
		assertThat(visits.find(noAddress.id()).orElseThrow().visitorName()).isNull();
		assertThat(visits.find(withAddress.id()).orElseThrow().visitorName()).isEqualTo("Wendy Walk " + p);
		// Without a name, the address alone finds nothing of hers.
		assertThat(holder.find(new DataSubject(UUID.randomUUID(), "wendy@now-" + p + ".test", null, "en")).records()).isZero();
	}

	@Test
	void theWalkInFormKeepsWhatWasTypedAndNamesTheMissingHost() throws Exception {
		String receptionist = fixtures.user(Role.RECEPTION).email();
		String guard = fixtures.user(Role.SECURITY).email();
		SecurityContextHolder.clearContext();
		MockHttpSession reception = Fixtures.signIn(mvc, receptionist, Fixtures.PASSWORD);
		// The walk-in form collects name, company, host and badge: it carries the notice of art. 13.
		mvc.perform(get("/kiosk/walk-in").session(reception)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"k-privacy\"")))
				.andExpect(content().string(containsString("It is the controller of these personal data.")));
		mvc.perform(post("/kiosk/walk-in").session(reception).with(csrf()).param("name", "Walt " + p)
				.param("language", "xx").param("badge", ""))
				.andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Walt " + p + "\"")))
				.andExpect(content().string(containsString("A visitor needs a host employee.")))
				.andExpect(content().string(containsString("Choose French, Dutch or English.")))
				.andExpect(content().string(containsString("id=\"k-privacy\"")));
		mvc.perform(post("/kiosk/check-out").session(reception).with(csrf()).param("badge", "none-" + p))
				.andExpect(redirectedUrl("/kiosk"));
		MockHttpSession security = Fixtures.signIn(mvc, guard, Fixtures.PASSWORD);
		mvc.perform(get("/premises/on-site").session(security)).andExpect(status().isOk());
		mvc.perform(get("/kiosk").session(security)).andExpect(status().isForbidden());
	}

	static int late(PremisesAttention attention) {
		return attention.notices().stream().filter(n -> n.messageKey().equals("premises.attention.still-on-site"))
				.map(n -> (Integer) n.arguments().get(0)).findFirst().orElse(0);
	}

	@Test
	void visitorsAreAnonymisedAfterTheRetentionPeriodAndLateOnesFlagged() {
		person("Hugo", "en");
		MovableClock moved = new MovableClock();
		Instant arrival = Instant.parse("2041-03-05T09:00:00Z");
		moved.set(arrival);
		VisitSteps later = new VisitSteps(visits, directory, messages, settings, publisher, moved, BRUSSELS);
		Visit visit = later.walkIn(walkIn("Olga " + p, "Hugo " + p, "R-" + p));
		PremisesAttention attention = new PremisesAttention(visits, notices, settings, moved, BRUSSELS);
		// Other tests' visitors may still be on site: this one counts from the end of its day.
		int before = late(attention);
		moved.set(Instant.parse("2041-03-05T18:30:00Z"));
		assertThat(late(attention)).isEqualTo(before + 1);
		assertThat(attention.notices()).filteredOn(n -> n.messageKey().equals("premises.attention.still-on-site"))
				.singleElement().satisfies(n -> assertThat(n.roles()).containsExactlyInAnyOrder(Role.RECEPTION, Role.SECURITY));
		later.checkOut("R-" + p);

		moved.set(arrival.plus(settings.visitorRetention()).minus(Duration.ofHours(1)));
		later.anonymiseExpired();
		assertThat(visits.find(visit.id()).orElseThrow().visitorName()).isEqualTo("Olga " + p);
		moved.set(arrival.plus(settings.visitorRetention()).plus(Duration.ofHours(1)));
		assertThat(later.anonymiseExpired()).isPositive();
		Visit anonymised = visits.find(visit.id()).orElseThrow();
		assertThat(anonymised.visitorName()).isNull();
		assertThat(anonymised.company()).isNull();
		assertThat(anonymised.hostId()).isEqualTo(visit.hostId());
		assertThat(events.stream(VisitsAnonymised.class)).isNotEmpty();
		assertThat(settings.visitorRetention()).isEqualTo(Duration.ofDays(30));
	}
}
