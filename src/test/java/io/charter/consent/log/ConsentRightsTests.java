package io.charter.consent.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;

import io.charter.rights.RequestType;
import io.charter.rights.StaffSteps;
import io.charter.rights.web.FulfilmentRecord;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * Data-subject requests reach the consent records: records given through the real consent API,
 * then a request handled by the rights module.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentRightsTests {

	@LocalServerPort
	int port;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	JsonMapper json;
	@Autowired
	ApplicationContext context;
	StaffSteps rights;
	@Autowired
	List<PersonalDataHolder> holders;

	String site;
	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void site() {
		site = new ConsentLogSites(jdbc, json).site();
		rights = new StaffSteps(context);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"privacy-officer", null, List.of(new SimpleGrantedAuthority("ROLE_PRIVACY"))));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	void consent(String visitor) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/c/" + site + "/consents"))
				.header("Content-Type", "text/plain;charset=UTF-8").header("Origin", ConsentLogSites.ORIGIN)
				.POST(HttpRequest.BodyPublishers.ofString(ConsentLogSites.body(visitor))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(201);
	}

	long records(String visitor) {
		return jdbc.sql("select count(*) from consent_record where visitor_id = :v").param("v", visitor)
				.query(Long.class).single();
	}

	PersonalDataHolder consentHolder() {
		return holders.stream().filter(h -> h.name().equals("consent")).findFirst().orElseThrow();
	}

	UUID verifiedRequest(RequestType type, String visitor) {
		return rights.verifiedRequest(type, "Vera Visitor", "vera-" + UUID.randomUUID() + "@example.test", "fr", visitor);
	}

	@Test
	void erasureRemovesTheVisitorsConsentRecords() throws Exception {
		String visitor = ConsentLogSites.visitor();
		String other = ConsentLogSites.visitor();
		consent(visitor);
		consent(visitor);
		consent(other);
		assertThat(records(visitor)).isEqualTo(2);

		List<FulfilmentRecord> done = rights.erase(verifiedRequest(RequestType.ERASURE, visitor));

		assertThat(done).anySatisfy(f -> {
			assertThat(f.holder()).isEqualTo("consent");
			assertThat(f.outcome()).isEqualTo("DONE");
			assertThat(f.records()).isEqualTo(2);
		});
		assertThat(records(visitor)).isZero();
		assertThat(records(other)).isEqualTo(1);
		// The audit trail names the request, not the visitor.
		assertThat(jdbc.sql("select count(*) from audit_entry where summary like :v").param("v", "%" + visitor + "%")
				.query(Long.class).single()).isZero();
	}

	@Test
	void accessFindsAndExportsTheRecordsInTheRequestersLanguage() throws Exception {
		String visitor = ConsentLogSites.visitor();
		consent(visitor);
		DataSubject subject = new DataSubject(UUID.randomUUID(), "x@example.test", visitor, "nl");
		var holding = consentHolder().find(subject);
		assertThat(holding.records()).isEqualTo(1);
		assertThat(holding.purposes()).contains("Bewijs");
		var datasets = consentHolder().export(subject);
		assertThat(datasets).singleElement().satisfies(d -> {
			assertThat(d.name()).isEqualTo("consent-records");
			assertThat(d.rows()).singleElement().satisfies(row -> {
				assertThat(row.get("site")).isEqualTo(site);
				assertThat(row.get("choices")).isEqualTo("analytics=1,tracking=0");
				assertThat(row.get("page")).isEqualTo("https://www.wegroup.test/fr/contact");
			});
		});
		// Consent records hold no e-mail address: without a visitor id nothing is found.
		assertThat(consentHolder().find(new DataSubject(UUID.randomUUID(), "x@example.test", null, "en")).holdsData())
				.isFalse();
	}

	@Test
	void restrictionKeepsTheProofButLeavesTheStatistics() throws Exception {
		String visitor = ConsentLogSites.visitor();
		consent(visitor);
		DataSubject subject = new DataSubject(UUID.randomUUID(), "x@example.test", visitor, "en");
		Outcome first = consentHolder().restrict(subject);
		Outcome again = consentHolder().restrict(subject);
		assertThat(first.result()).isEqualTo(Outcome.Result.DONE);
		assertThat(again.result()).isEqualTo(Outcome.Result.DONE);
		assertThat(records(visitor)).isEqualTo(1);
		long counted = jdbc.sql("""
				select count(*) from consent_record r join consent_site s on s.id = r.site_id
				where s.site_key = :site and r.visitor_id not in (select visitor_id from consent_restriction)""")
				.param("site", site).query(Long.class).single();
		assertThat(counted).isZero();
	}

	@Test
	void withdrawalIsRecordedAsProof() throws Exception {
		String visitor = ConsentLogSites.visitor();
		consent(visitor);
		List<FulfilmentRecord> done = rights.withdrawConsent(verifiedRequest(RequestType.WITHDRAWAL, visitor));
		assertThat(done).anySatisfy(f -> {
			assertThat(f.holder()).isEqualTo("consent");
			assertThat(f.outcome()).isEqualTo("DONE");
		});
		assertThat(jdbc.sql("""
				select method || ' ' || choices from consent_record where visitor_id = :v order by recorded_at desc limit 1""")
				.param("v", visitor).query(String.class).single()).isEqualTo("WITHDRAW analytics=0,tracking=0");
	}
}
