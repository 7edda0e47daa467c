package io.charter.exemptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.DeviceRows;
import io.charter.Fixtures;
import io.charter.devices.DeviceLosses;
import io.charter.MovableClock;
import io.charter.exemptions.Exemption.ExemptionAlreadyDecided;
import io.charter.exemptions.Exemption.Status;
import io.charter.exemptions.ExemptionEvent.ExemptionApproved;
import io.charter.exemptions.ExemptionEvent.ExemptionExpired;
import io.charter.exemptions.ExemptionEvent.ExemptionRequested;
import io.charter.exemptions.ExemptionSteps.InvalidExemption;
import io.charter.identity.UserSummary;
import io.charter.people.Directory;
import io.charter.people.DirectoryChanges;
import io.charter.people.PersonDetails;
import io.charter.people.PersonKind;
import io.charter.people.PersonSummary;
import io.charter.shared.ActorIdentity;
import io.charter.shared.Role;
import io.charter.shared.RuleViolation;
import io.charter.shared.control.Control;
import io.charter.shared.control.ControlStatus;
import io.charter.shared.exemption.ExemptionSubject;
import io.charter.shared.personaldata.DataSubject;

/**
 * Exemptions end to end on the database: the lifecycle with a moved clock (request, approve, in
 * force, notice, expiry), who may decide, the written approval that stays as written, bad input,
 * renewal, and a leaver's exemptions ending.
 */
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ExemptionsIntegrationTests {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	/** A signed-in staff member as identity's principals look to other modules. */
	record Staff(String actorId, String displayName, String getUsername, List<String> roles)
			implements ActorIdentity, UserDetails {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
		}

		@Override
		public String getPassword() {
			return null;
		}
	}

	@Autowired
	MockMvc mvc;
	@Autowired
	Fixtures fixtures;
	@Autowired
	ExemptionSteps steps;
	@Autowired
	Exemptions exemptions;
	@Autowired
	Decisions decisions;
	@Autowired
	GrantedExemptions lookup;
	@Autowired
	ExemptionMessages messages;
	@Autowired
	ExemptionSettings settings;
	@Autowired
	DirectoryChanges people;
	@Autowired
	Directory directory;
	@Autowired
	ApplicationEventPublisher publisher;
	@Autowired
	TransactionTemplate transactions;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	DeviceLosses deviceLosses;
	@Autowired
	ApplicationEvents events;
	@Autowired
	ExemptionRecordsHolder holder;
	@Autowired
	ExemptionControls controls;

	String p = "ex" + UUID.randomUUID().toString().substring(0, 6);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	PersonSummary person(String name, String language) {
		return people.create(new PersonDetails(name, name.toLowerCase() + "@" + p + ".test", p + "-" + name,
				PersonKind.EMPLOYEE, "IT", null, null, null, language));
	}

	static void signIn(String actor, String email, String... roles) {
		Staff staff = new Staff(actor, "Test", email, List.of(roles));
		SecurityContextHolder.getContext()
				.setAuthentication(new UsernamePasswordAuthenticationToken(staff, null, staff.getAuthorities()));
	}

	static void signIn(UserSummary user, String... roles) {
		signIn(user.actorId(), user.email(), roles);
	}

	static Map<String, String> values(String clause, String subject, LocalDate from, LocalDate until) {
		Map<String, String> v = new HashMap<>();
		v.put("clause", clause);
		v.put("subject", subject);
		v.put("reason", "Long-term leave");
		v.put("compensating", "None needed");
		v.put("from", from.toString());
		v.put("until", until.toString());
		return v;
	}

	List<String> templatesSentTo(String email) {
		return jdbc.sql("""
				select template from outbox_message where recipient = :to and template like 'exemptions-%'
				order by created_at""")
				.param("to", email).query(String.class).list();
	}

	/** The steps and timers on a clock the test moves, each step in its own transaction. */
	record Moved(MovableClock clock, ExemptionSteps steps, ExemptionTimers timers) {
	}

	Moved moved(Instant at) {
		MovableClock clock = new MovableClock();
		clock.set(at);
		return new Moved(clock,
				new ExemptionSteps(exemptions, decisions, directory, deviceLosses, messages, settings, publisher, clock, BRUSSELS),
				new ExemptionTimers(exemptions, messages, settings, publisher, jdbc, clock, BRUSSELS));
	}

	@Test
	void anExemptionRunsItsLifeWithTheClock() {
		Moved moved = moved(Instant.parse("2041-03-01T09:00:00Z"));
		PersonSummary ann = person("Ann", "fr");
		UserSummary approver = fixtures.user(Role.SECURITY);
		signIn("user:" + UUID.randomUUID(), ann.email(), "EMPLOYEE");
		Exemption asked = transactions.execute(s -> moved.steps().requestSelf(
				values("S1", "PERSON", LocalDate.parse("2041-03-01"), LocalDate.parse("2041-04-30"))));
		assertThat(asked.status()).isEqualTo(Status.PENDING);
		assertThat(asked.subject()).isEqualTo(ExemptionSubject.person(ann.id()));
		assertThat(lookup.inForce(LocalDate.parse("2041-03-10")).covers("S1", null, ExemptionSubject.person(ann.id())))
				.isFalse();

		moved.clock().set(Instant.parse("2041-03-02T10:15:00Z"));
		signIn(approver, "SECURITY");
		transactions.execute(s -> moved.steps().approve(asked.id(), "Approved while on leave; ends on return."));
		assertThat(decisions.of(asked.id())).singleElement().satisfies(d -> {
			assertThat(d.text()).isEqualTo("Approved while on leave; ends on return.");
			assertThat(d.decidedBy()).isEqualTo(approver.actorId());
			assertThat(d.decidedAt()).isEqualTo(Instant.parse("2041-03-02T10:15:00Z"));
		});
		assertThat(lookup.inForce(LocalDate.parse("2041-03-10")).covers("S1", null, ExemptionSubject.person(ann.id())))
				.isTrue();
		assertThat(lookup.inForce(LocalDate.parse("2041-05-01")).covers("S1", null, ExemptionSubject.person(ann.id())))
				.isFalse();
		assertThat(templatesSentTo(ann.email())).containsExactly("exemptions-decision");

		moved.clock().set(Instant.parse("2041-04-22T09:00:00Z"));
		transactions.execute(s -> moved.timers().run());
		assertThat(templatesSentTo(ann.email())).containsExactly("exemptions-decision");

		moved.clock().set(Instant.parse("2041-04-23T09:00:00Z"));
		transactions.execute(s -> moved.timers().run());
		transactions.execute(s -> moved.timers().run());
		assertThat(templatesSentTo(ann.email())).containsExactly("exemptions-decision", "exemptions-expiring");
		// The security team hears of every exemption ending (other tests' too, on a shared database): of this one once.
		assertThat(jdbc.sql("""
				select count(*) from outbox_message where recipient = :to and template = 'exemptions-expiring'
				and coalesce(body_to_send, body) like :link""").param("to", approver.email())
				.param("link", "%" + asked.id() + "%").query(Long.class).single()).isOne();
		assertThat(jdbc.sql("select language from outbox_message where recipient = :to and template = 'exemptions-expiring'")
				.param("to", ann.email()).query(String.class).single()).isEqualTo("fr");
		assertThat(exemptions.find(asked.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);

		moved.clock().set(Instant.parse("2041-05-01T09:00:00Z"));
		transactions.execute(s -> moved.timers().run());
		Exemption expired = exemptions.find(asked.id()).orElseThrow();
		assertThat(expired.status()).isEqualTo(Status.EXPIRED);
		assertThat(expired.endedReason()).isEqualTo("period ended 2041-04-30");
		assertThat(templatesSentTo(ann.email())).containsExactly("exemptions-decision", "exemptions-expiring",
				"exemptions-expired");
		assertThat(events.stream(ExemptionExpired.class).filter(e -> e.exemptionId().equals(asked.id()))).hasSize(1);
		assertThat(events.stream(ExemptionApproved.class).filter(e -> e.exemptionId().equals(asked.id())))
				.singleElement().satisfies(e -> assertThat(e.inForce()).isTrue());
	}

	@Test
	void nobodyApprovesTheirOwnRequestAndAnApprovalIsNeverRewritten() {
		PersonSummary bob = person("Bob", "en");
		UserSummary asker = fixtures.user(Role.SECURITY);
		UserSummary other = fixtures.user(Role.SECURITY);
		signIn(asker, "SECURITY");
		Map<String, String> v = values("S5", "DEVICE", LocalDate.now(BRUSSELS), LocalDate.now(BRUSSELS).plusMonths(2));
		v.put("person", bob.id().toString());
		v.put("device", UUID.randomUUID().toString());
		v.put("check", "screen-lock");
		// A device not in the inventory cannot be chosen.
		assertThatThrownBy(() -> steps.requestFor(v)).isInstanceOfSatisfying(InvalidExemption.class,
				e -> assertThat(e.problems).containsEntry("device", "exemptions.error.device"));
		v.put("device", DeviceRows.enrolled(jdbc, bob.id(), "bob-laptop").toString());
		Exemption e = steps.requestFor(v);
		assertThatThrownBy(() -> steps.approve(e.id(), "I approve my own")).isExactlyInstanceOf(RuleViolation.class)
				.hasMessage("exemptions.error.own-request");

		signIn(other, "SECURITY");
		steps.approve(e.id(), "Written consent, first text");
		assertThatThrownBy(() -> steps.approve(e.id(), "Changed my mind about the wording"))
				.isExactlyInstanceOf(ExemptionAlreadyDecided.class);
		assertThatThrownBy(() -> steps.refuse(e.id(), "After all, no"))
				.isExactlyInstanceOf(ExemptionAlreadyDecided.class);
		assertThat(decisions.of(e.id())).extracting(Decision::text).containsExactly("Written consent, first text");
		assertThat(lookup.inForce(LocalDate.now(BRUSSELS)).covering("S5", "screen-lock",
				ExemptionSubject.device(UUID.fromString(v.get("device"))))).isPresent();

		steps.revoke(e.id(), "Device replaced");
		assertThat(decisions.of(e.id())).extracting(Decision::text).containsExactly("Written consent, first text",
				"Device replaced");
		assertThat(lookup.inForce(LocalDate.now(BRUSSELS)).covers("S5", "screen-lock",
				ExemptionSubject.device(UUID.fromString(v.get("device"))))).isFalse();
	}

	@Test
	void badInputIsAnsweredFieldByField() {
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		Map<String, String> v = new HashMap<>();
		v.put("clause", "S9");
		v.put("check", "Not A Check");
		v.put("subject", "PLANET");
		v.put("from", "2041-01-01");
		v.put("until", "2042-06-01");
		assertThatThrownBy(() -> steps.requestFor(v)).isInstanceOfSatisfying(InvalidExemption.class,
				e -> assertThat(e.problems).containsEntry("clause", "exemptions.error.clause")
						.containsEntry("check", "exemptions.error.check")
						.containsEntry("subject", "exemptions.error.subject")
						.containsEntry("reason", "exemptions.error.required")
						.containsEntry("until", "exemptions.error.too-long"));
		Exemption pending = steps.requestFor(values("S8", "ORGANISATION", LocalDate.now(BRUSSELS),
				LocalDate.now(BRUSSELS).plusDays(10)));
		assertThatThrownBy(() -> steps.refuse(pending.id(), "  ")).isInstanceOfSatisfying(
				InvalidExemption.class, e -> assertThat(e.problems).containsEntry("reason", "exemptions.error.required"));
	}

	@Test
	void anEmployeeAsksOnlyForThemselvesNeverForTheOrganisation() {
		PersonSummary cy = person("Cy", "nl");
		signIn("user:" + UUID.randomUUID(), cy.email(), "EMPLOYEE");
		Map<String, String> v = values("S8", "ORGANISATION", LocalDate.now(BRUSSELS), LocalDate.now(BRUSSELS));
		v.put("person", UUID.randomUUID().toString());
		assertThatThrownBy(() -> steps.requestSelf(v)).isInstanceOfSatisfying(InvalidExemption.class,
				e -> assertThat(e.problems).containsEntry("subject", "exemptions.error.organisation"));
		v.put("subject", "PERSON");
		assertThat(steps.requestSelf(v).personId()).isEqualTo(cy.id());
	}

	@Test
	void aRenewalLinksTheOldOneAndALeaversExemptionsEnd() {
		PersonSummary dee = person("Dee", "en");
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		Map<String, String> v = values("S1", "PERSON", LocalDate.now(BRUSSELS), LocalDate.now(BRUSSELS).plusDays(20));
		v.put("person", dee.id().toString());
		Exemption first = steps.requestFor(v);
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		steps.approve(first.id(), "Granted");
		Exemption renewal = steps.renew(first.id(), values("S7", "DEVICE", LocalDate.now(BRUSSELS).plusDays(21),
				LocalDate.now(BRUSSELS).plusDays(60)));
		assertThat(renewal.renews()).isEqualTo(first.id());
		assertThat(renewal.clause()).isEqualTo("S1");
		assertThat(renewal.subject()).isEqualTo(ExemptionSubject.person(dee.id()));
		assertThat(events.stream(ExemptionRequested.class).filter(e -> first.id().equals(e.renews()))).hasSize(1);

		people.markLeaver(dee.id(), LocalDate.now(BRUSSELS));
		await().atMost(Duration.ofSeconds(10)).until(() -> exemptions.find(first.id()).orElseThrow().status() == Status.ENDED
				&& exemptions.find(renewal.id()).orElseThrow().status() == Status.ENDED);
		assertThat(exemptions.find(first.id()).orElseThrow().endedReason()).startsWith("person left");
	}

	@Test
	void anEmployeeAsksOnTheirPageKeepsTheirInputOnErrorsAndReadsTheApproval() throws Exception {
		PersonSummary eve = person("Eve", "en");
		fixtures.user(eve.email(), "en", Role.EMPLOYEE);
		MockHttpSession web = Fixtures.signIn(mvc, eve.email(), Fixtures.PASSWORD);
		mvc.perform(post("/exemptions/mine").session(web).with(csrf()).param("clause", "S1").param("subject", "PERSON")
				.param("reason", "Kept reason " + p).param("from", "not a date").param("until", "2041-01-01"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Kept reason " + p)))
				.andExpect(content().string(containsString("Give a date (yyyy-mm-dd).")));
		String today = LocalDate.now(BRUSSELS).toString();
		mvc.perform(post("/exemptions/mine").session(web).with(csrf()).param("clause", "S1").param("subject", "PERSON")
				.param("reason", "On leave " + p).param("from", today).param("until", today))
				.andExpect(status().is3xxRedirection());
		Exemption asked = exemptions.ofPerson(eve.id()).get(0);
		mvc.perform(get("/exemptions").session(web)).andExpect(status().isForbidden());

		MockHttpSession security = Fixtures.signIn(mvc, fixtures.user(Role.SECURITY).email(), Fixtures.PASSWORD);
		mvc.perform(post("/exemptions/requests/" + asked.id() + "/approve").session(security).with(csrf())
				.param("text", "")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Required.")));
		mvc.perform(post("/exemptions/requests/" + asked.id() + "/approve").session(security).with(csrf())
				.param("text", "Consent given " + p)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/exemptions/mine").session(web))
				.andExpect(content().string(containsString("Consent given " + p)));
		mvc.perform(get("/exemptions?view=ACTIVE&clause=S1").session(security))
				.andExpect(content().string(containsString("/exemptions/requests/" + asked.id())));
		mvc.perform(get("/exemptions/export.csv?view=ALL").session(security))
				.andExpect(content().string(containsString(asked.id().toString())));
	}

	@Test
	void theApiAnswersProblemsWithFieldsAndTheAuditorOnlyReads() throws Exception {
		String security = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		mvc.perform(post("/api/v1/exemptions").header("Authorization", security).contentType(MediaType.APPLICATION_JSON)
				.content("{\"clause\":\"S0\",\"subject\":\"ORGANISATION\",\"from\":\"2041-01-01\",\"until\":\"2041-02-01\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[?(@.field == 'clause')]").exists())
				.andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
		String created = mvc.perform(post("/api/v1/exemptions").header("Authorization", security)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"clause\":\"S8\",\"subject\":\"ORGANISATION\",\"reason\":\"Pen test\",\"from\":\"2041-01-01\",\"until\":\"2041-02-01\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"))
				.andReturn().getResponse().getHeader("Location");
		String auditor = "Bearer " + fixtures.tokenFor(Role.AUDITOR);
		mvc.perform(get(created).header("Authorization", auditor)).andExpect(status().isOk());
		mvc.perform(post(created + "/approve").header("Authorization", auditor).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"ok\"}")).andExpect(status().isForbidden());
		mvc.perform(post(created + "/approve").header("Authorization", security).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"mine\"}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("exemptions.error.own-request"));
		String other = "Bearer " + fixtures.tokenFor(Role.SECURITY);
		mvc.perform(post(created + "/refuse").header("Authorization", other).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Not now\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REFUSED"));
		mvc.perform(post(created + "/approve").header("Authorization", other).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Rewritten\"}")).andExpect(status().isConflict());
		mvc.perform(get(created).header("Authorization", auditor))
				.andExpect(jsonPath("$.decisions[0].text").value("Not now"))
				.andExpect(content().string(not(containsString("Rewritten"))));
	}

	@Test
	void aPersonsExemptionsAreExportedThenAnonymisedWhileTheDecisionsStay() {
		PersonSummary fay = person("Fay", "en");
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		Map<String, String> v = values("S1", "PERSON", LocalDate.now(BRUSSELS), LocalDate.now(BRUSSELS).plusDays(5));
		v.put("person", fay.id().toString());
		v.put("reason", "Medical leave " + p);
		Exemption e = steps.requestFor(v);
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		steps.approve(e.id(), "Granted " + p);
		DataSubject subject = new DataSubject(UUID.randomUUID(), fay.email(), null, "en");
		assertThat(holder.find(subject).records()).isEqualTo(1);
		assertThat(holder.export(subject)).singleElement()
				.satisfies(d -> assertThat(d.rows().get(0)).containsEntry("reason", "Medical leave " + p));
		holder.erase(subject);
		assertThat(holder.find(subject).records()).isZero();
		Exemption kept = exemptions.find(e.id()).orElseThrow();
		assertThat(kept.personId()).isNull();
		assertThat(kept.reason()).doesNotContain(p);
		assertThat(decisions.of(e.id())).extracting(Decision::text).containsExactly("Granted " + p);
	}

	@Test
	void theControlReportCountsExemptionsInForceEndingSoonAndWaiting() {
		LocalDate day = LocalDate.parse("2043-06-01");
		ExemptionControls.Figures before = controls.figures(day);
		Moved moved = moved(Instant.parse("2043-05-01T09:00:00Z"));
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		Exemption soon = transactions.execute(s -> moved.steps().requestFor(values("S8", "ORGANISATION",
				LocalDate.parse("2043-05-01"), LocalDate.parse("2043-06-20"))));
		Exemption later = transactions.execute(s -> moved.steps().requestFor(values("S6", "ORGANISATION",
				LocalDate.parse("2043-05-01"), LocalDate.parse("2043-12-31"))));
		transactions.execute(s -> moved.steps().requestFor(values("S6", "ORGANISATION",
				LocalDate.parse("2043-05-01"), LocalDate.parse("2043-12-31"))));
		signIn(fixtures.user(Role.SECURITY), "SECURITY");
		transactions.execute(s -> moved.steps().approve(soon.id(), "ok"));
		transactions.execute(s -> moved.steps().approve(later.id(), "ok"));
		ExemptionControls.Figures after = controls.figures(day);
		assertThat(after.inForce() - before.inForce()).isEqualTo(2);
		assertThat(after.endingSoon() - before.endingSoon()).isEqualTo(1);
		assertThat(after.pending() - before.pending()).isEqualTo(1);
		List<Control> report = controls.controls(day);
		assertThat(report).extracting(Control::id).containsExactly("exemptions-in-force", "exemptions-pending");
		assertThat(report.get(1).status()).isEqualTo(ControlStatus.ATTENTION);
		assertThat(report.get(0).clauses()).contains("S6", "S8");
	}

	@Autowired
	List<io.charter.shared.control.ControlReport> reports;

	Control control(String id, LocalDate day) {
		return reports.stream().flatMap(r -> r.controls(day).stream()).filter(c -> c.id().equals(id)).findFirst()
				.orElseThrow();
	}

	/**
	 * End to end with the real devices module: the employee chooses their own device (another's is
	 * refused), an approval makes the failing screen-lock check exempted in the devices control and on
	 * My devices, the security team asks for the renewal on the exemption's page, and after expiry the
	 * check fails again.
	 */
	@Test
	void anApprovedDeviceExemptionCountsUntilItExpires() throws Exception {
		PersonSummary fay = person("Fay", "en");
		PersonSummary gus = person("Gus", "en");
		fixtures.user(fay.email(), "en", Role.EMPLOYEE);
		UserSummary officer = fixtures.user(Role.SECURITY);
		UUID laptop = DeviceRows.enrolled(jdbc, fay.id(), "fay-laptop-" + fay.id());
		UUID others = DeviceRows.enrolled(jdbc, gus.id(), "gus-laptop-" + gus.id());
		DeviceRows.answered(jdbc, laptop, "screen-lock", false, Instant.now());
		SecurityContextHolder.clearContext();
		LocalDate today = LocalDate.now(BRUSSELS);
		long exemptedBefore = control("device-screen-lock", today).exempted();

		MockHttpSession employee = Fixtures.signIn(mvc, fay.email(), Fixtures.PASSWORD);
		mvc.perform(get("/exemptions/mine").session(employee)).andExpect(status().isOk())
				.andExpect(content().string(containsString("fay-laptop-" + fay.id())))
				.andExpect(content().string(not(containsString("gus-laptop-" + gus.id()))));
		mvc.perform(post("/exemptions/mine").session(employee).with(csrf()).param("clause", "S5")
				.param("check", "screen-lock").param("subject", "DEVICE").param("device", others.toString())
				.param("reason", "Kiosk app " + fay.id()).param("from", today.toString())
				.param("until", today.plusDays(10).toString())).andExpect(status().isOk())
				.andExpect(content().string(containsString("Choose one of the devices listed.")))
				.andExpect(content().string(containsString("Kiosk app " + fay.id())));
		mvc.perform(post("/exemptions/mine").session(employee).with(csrf()).param("clause", "S5")
				.param("check", "screen-lock").param("subject", "DEVICE").param("device", laptop.toString())
				.param("reason", "Kiosk app").param("from", today.toString())
				.param("until", today.plusDays(10).toString())).andExpect(status().is3xxRedirection());
		UUID asked = jdbc.sql("select id from exemption where subject_id = :d").param("d", laptop).query(UUID.class)
				.single();
		assertThat(control("device-screen-lock", today).exempted()).isEqualTo(exemptedBefore);

		signIn(officer, "SECURITY");
		steps.approve(asked, "Written consent: the kiosk app cannot lock");
		SecurityContextHolder.clearContext();
		assertThat(control("device-screen-lock", today).exempted()).isEqualTo(exemptedBefore + 1);
		mvc.perform(get("/my-devices").session(employee)).andExpect(content().string(containsString("Exempted")));

		// Renewal from the exemption's page: bad input kept, then a new request linked to this one.
		MockHttpSession security = Fixtures.signIn(mvc, officer.email(), Fixtures.PASSWORD);
		mvc.perform(get("/exemptions/requests/" + asked).session(security))
				.andExpect(content().string(containsString("Ask for the renewal")));
		mvc.perform(post("/exemptions/requests/" + asked + "/renew").session(security).with(csrf())
				.param("reason", "Still the kiosk " + fay.id()).param("from", "soon").param("until", ""))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Still the kiosk " + fay.id())));
		mvc.perform(post("/exemptions/requests/" + asked + "/renew").session(security).with(csrf())
				.param("reason", "Still the kiosk").param("from", today.plusDays(11).toString())
				.param("until", today.plusDays(40).toString())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from exemption where renews = :id").param("id", asked)
				.query(Integer.class).single()).isEqualTo(1);

		Moved moved = moved(today.plusDays(11).atTime(9, 0).atZone(BRUSSELS).toInstant());
		transactions.execute(s -> moved.timers().run());
		assertThat(exemptions.find(asked).orElseThrow().status()).isEqualTo(Status.EXPIRED);
		assertThat(control("device-screen-lock", today).exempted()).isEqualTo(exemptedBefore);
		mvc.perform(get("/my-devices").session(employee)).andExpect(content().string(not(containsString("Exempted"))));
	}
}
