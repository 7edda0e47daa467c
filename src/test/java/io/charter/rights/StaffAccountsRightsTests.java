package io.charter.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.identity.tokens.ApiTokenManagement;
import io.charter.shared.Role;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Charter's own staff accounts answer data-subject requests through identity's {@code staff-accounts} holder:
 * access, erasure and restriction on the real database, through the staff pages, and the rule that
 * Charter keeps an active administrator.
 */
class StaffAccountsRightsTests extends RightsTestBase {

	@Autowired
	IdentityManagement identity;
	@Autowired
	ApiTokenManagement tokens;
	@Autowired
	List<PersonalDataHolder> holders;
	PersonalDataHolder staffAccounts;

	@BeforeEach
	void findStaffAccounts() {
		staffAccounts = holders.stream().filter(h -> h.name().equals("staff-accounts")).findFirst().orElseThrow();
	}
	@Autowired
	PlatformTransactionManager transactions;

	/** A staff member with a password, a distinctive name and an API token. */
	UserSummary staffMember(String email, Role role) {
		UserSummary user = identity.acceptInvitation(Fixtures.secretOf(identity.invite(email, "Zoë Vanderstaff", Set.of(role),
				"en")), Fixtures.PASSWORD);
		tokens.issue(user.id(), "laptop script", Set.of(role), Instant.now().plus(Duration.ofDays(30)));
		return user;
	}

	MockHttpSession privacyOfficer() throws Exception {
		return Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
	}

	UUID verifiedRequest(MockHttpSession officer, String type, String email) throws Exception {
		String body = mvc.perform(post("/api/v1/rights/requests").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"type": "%s", "name": "Zoë Vanderstaff", "email": "%s", "channel": "EMAIL", "language": "fr"}"""
						.formatted(type, email))).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
		act(officer, id, "verify", "text", "asked in person by a colleague who knows her");
		return id;
	}

	void act(MockHttpSession staff, UUID id, String action, String... params) throws Exception {
		var request = post("/rights/requests/" + id + "/" + action).session(staff).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		mvc.perform(request).andExpect(redirectedUrl("/rights/requests/" + id))
				.andExpect(flash().attribute("notice", "rights.done." + action));
	}

	String fulfilment(UUID request, String action) {
		return jdbc.sql("""
				select outcome || ' ' || records from rights_fulfilment
				where request_id = :id and holder = 'staff-accounts' and action = :action order by at desc limit 1""")
				.param("id", request).param("action", action).query(String.class).single();
	}

	void signInFails(String email) throws Exception {
		mvc.perform(formLogin("/login").user(email).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anAccessRequestForAStaffAddressSendsTheAccountInThePackage() throws Exception {
		String email = Fixtures.uniqueEmail("staff-access");
		UserSummary staff = staffMember(email, Role.SECURITY);
		MockHttpSession officer = privacyOfficer();
		UUID id = verifiedRequest(officer, "ACCESS", email);

		act(officer, id, "package");
		String letter = bodyOf(awaitMail(email, "vos données à caractère personnel"));
		String download = secretIn(letter, "/privacy/requests/download/");
		assertThat(letter).as("the page opens in the letter's language")
				.contains("/privacy/requests/download/" + download + "?lang=fr");
		mvc.perform(get("/privacy/requests/download/" + download + "?lang=fr")).andExpect(status().isOk())
				.andExpect(content().string(containsString("<h1>Vos données à caractère personnel</h1>")));
		byte[] zip = mvc.perform(get("/privacy/requests/download/" + download + "/file")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		Map<String, String> files = unzip(zip);

		assertThat(files).containsKeys("staff-accounts/account.json", "staff-accounts/account.csv",
				"staff-accounts/api-tokens.json");
		assertThat(files.get("staff-accounts/account.json")).contains(email, "Zoë Vanderstaff", "SECURITY",
				staff.id().toString(), "\"passwordSet\" : true");
		assertThat(files.get("staff-accounts/api-tokens.json")).contains("laptop script", "chr_");
		// No means to authenticate leaves Charter: no password hash, no token hash.
		String everything = String.join("\n", files.values());
		assertThat(everything).doesNotContain("{bcrypt}", "$2a$");
		assertThat(files.get("README.txt")).contains("Votre compte dans Charter", "les administrateurs de Charter");
		assertThat(fulfilment(id, "EXPORT")).isEqualTo("DONE 2");
	}

	@Test
	void erasureAnonymisesTheAccountWhichCanNoLongerSignInOrUseItsToken() throws Exception {
		String email = Fixtures.uniqueEmail("staff-erase");
		UserSummary staff = staffMember(email, Role.EMPLOYEE);
		String secret = tokens.issue(staff.id(), "backup job", Set.of(Role.EMPLOYEE),
				Instant.now().plus(Duration.ofDays(1))).secret();
		MockHttpSession ownSession = Fixtures.signIn(mvc, email, Fixtures.PASSWORD);
		mvc.perform(get("/").session(ownSession)).andExpect(status().isOk());
		MockHttpSession officer = privacyOfficer();
		UUID id = verifiedRequest(officer, "ERASURE", email);

		act(officer, id, "erase", "confirmed", "yes");

		assertThat(fulfilment(id, "ERASE")).isEqualTo("DONE 3"); // the account and its two tokens
		Map<String, Object> row = jdbc.sql("""
				select email, display_name, password_hash, language, active, last_login_at, erased_at from app_user
				where id = :id""").param("id", staff.id()).query().singleRow();
		assertThat((String) row.get("email")).isEqualTo("erased-" + staff.id() + "@erased.invalid");
		assertThat((String) row.get("display_name")).isEqualTo("Erased user " + staff.id().toString().substring(0, 8));
		assertThat(row.get("password_hash")).isNull();
		assertThat(row.get("language")).isNull();
		assertThat(row.get("active")).isEqualTo(false);
		assertThat(row.get("last_login_at")).isNull();
		assertThat(row.get("erased_at")).isNotNull();
		assertThat(jdbc.sql("select count(*) from api_token where user_id = :id").param("id", staff.id())
				.query(Long.class).single()).isZero();
		assertThat(identity.accountData(email)).isEmpty();

		signInFails(email);
		mvc.perform(get("/").session(ownSession)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
		// An erased account is not brought back.
		assertThat(catchThrowable(() -> identity.setActive(staff.id(), true)))
				.hasMessage("users.erased-stays");

		// The audit trail records the erasure under the account's id, and never named the person.
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"select count(*) from audit_entry where entity_id = :id and action = 'user.erased'")
				.param("id", staff.id().toString()).query(Long.class).single() == 1);
		assertThat(jdbc.sql("""
				select count(*) from audit_entry
				where summary like :email or actor like :email or summary like '%Vanderstaff%'""")
				.param("email", "%" + email + "%").query(Long.class).single()).isZero();

		// Running the step again finds nothing more.
		act(officer, id, "erase", "confirmed", "yes");
		assertThat(fulfilment(id, "ERASE")).isEqualTo("NOTHING_HELD 0");
	}

	@Test
	void restrictionDeactivatesTheAccountKeepsItsDataAndReactivationLiftsIt() throws Exception {
		String email = Fixtures.uniqueEmail("staff-restrict");
		UserSummary staff = staffMember(email, Role.RECEPTION);
		MockHttpSession officer = privacyOfficer();
		UUID id = verifiedRequest(officer, "RESTRICTION", email);

		act(officer, id, "restrict");

		assertThat(fulfilment(id, "RESTRICT")).isEqualTo("DONE 1");
		UserSummary restricted = identity.accountData(email).orElseThrow().account();
		assertThat(restricted.restricted()).isTrue();
		assertThat(restricted.active()).isFalse();
		assertThat(restricted.displayName()).isEqualTo("Zoë Vanderstaff");
		assertThat(identity.usersWithRole(Role.RECEPTION)).extracting(UserSummary::id).doesNotContain(staff.id());
		signInFails(email);
		MockHttpSession admin = Fixtures.signIn(mvc, fixtures.user(Role.ADMIN).email(), Fixtures.PASSWORD);
		mvc.perform(get("/admin/users").session(admin)).andExpect(status().isOk())
				.andExpect(content().string(containsString("restricted on request (GDPR art. 18)")));

		identity.setActive(staff.id(), true);
		assertThat(identity.accountData(email).orElseThrow().account().restricted()).isFalse();
		Fixtures.signIn(mvc, email, Fixtures.PASSWORD);
	}

	/**
	 * Other tests share the database and its administrators, so this one makes its administrator the
	 * last active one inside a transaction that is rolled back.
	 */
	@Test
	void theLastActiveAdministratorIsKeptWithTheReason() {
		String email = Fixtures.uniqueEmail("last-admin");
		UserSummary admin = staffMember(email, Role.ADMIN);
		DataSubject subject = new DataSubject(UUID.randomUUID(), email, null, "en");

		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			tx.setRollbackOnly();
			jdbc.sql("update app_user set active = false where active = true and id <> :id and roles like '%ADMIN%'")
					.param("id", admin.id()).update();
			assertThat(identity.hasAdministrator()).isTrue();

			Outcome erased = staffAccounts.erase(subject);
			assertThat(erased.result()).isEqualTo(Outcome.Result.PARTLY);
			assertThat(erased.records()).isZero();
			assertThat(erased.detail()).contains("last active administrator", "art. 17(3)(b)");
			Outcome restricted = staffAccounts.restrict(subject);
			assertThat(restricted.result()).isEqualTo(Outcome.Result.PARTLY);
			assertThat(restricted.detail()).contains("last active administrator", "art. 18(2)");

			UserSummary kept = identity.accountData(email).orElseThrow().account();
			assertThat(kept.active()).isTrue();
			assertThat(kept.restricted()).isFalse();
			assertThat(kept.displayName()).isEqualTo("Zoë Vanderstaff");
			assertThat(jdbc.sql("select count(*) from api_token where user_id = :id").param("id", admin.id())
					.query(Long.class).single()).isEqualTo(1);
		});

		// With the other administrators back, the same account can be erased.
		Outcome erased = staffAccounts.erase(subject);
		assertThat(erased.result()).isEqualTo(Outcome.Result.DONE);
		assertThat(identity.accountData(email)).isEmpty();
	}

	@Test
	void anAddressWithoutAccountHoldsNothingAndConsentIsNotApplicable() {
		DataSubject subject = new DataSubject(UUID.randomUUID(), Fixtures.uniqueEmail("nobody"), "v123", "nl");
		assertThat(staffAccounts.find(subject).holdsData()).isFalse();
		assertThat(staffAccounts.export(subject)).isEmpty();
		assertThat(staffAccounts.erase(subject).result()).isEqualTo(Outcome.Result.NOTHING_HELD);
		assertThat(staffAccounts.restrict(subject).result()).isEqualTo(Outcome.Result.NOTHING_HELD);
		assertThat(staffAccounts.withdrawConsent(subject).result()).isEqualTo(Outcome.Result.NOT_APPLICABLE);
	}
}
