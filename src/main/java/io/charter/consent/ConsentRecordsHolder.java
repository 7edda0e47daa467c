package io.charter.consent;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.Actors;
import io.charter.shared.personaldata.DataSubject;
import io.charter.shared.personaldata.Dataset;
import io.charter.shared.personaldata.Holding;
import io.charter.shared.personaldata.Outcome;
import io.charter.shared.personaldata.PersonalDataHolder;

/**
 * The consent module's answer to data-subject requests. Consent records know a visitor only by
 * the random id of the banner cookie, never by e-mail address: without a visitor id in the
 * request there is nothing to find.
 */
@Component
class ConsentRecordsHolder implements PersonalDataHolder {

	private static final Map<String, Holding> TEXTS = Map.of(
			"en", new Holding(0,
					"Proof that you gave, refused or withdrew consent to cookies (GDPR art. 7(1)); statistics on choices.",
					"The random visitor id of the cookie banner, your choices per cookie category, the declaration version shown, the language, the page (without query), the browser family and version, a keyed hash of your truncated IP address, the time.",
					"Nobody outside the organisation; Charter is operated by the organisation itself.",
					"For the site's consent record retention (5 years by default), then deleted.",
					"Your browser, when you made a choice in the cookie banner."),
			"fr", new Holding(0,
					"Preuve que vous avez donné, refusé ou retiré votre consentement aux cookies (RGPD art. 7(1)) ; statistiques sur les choix.",
					"L'identifiant aléatoire de visiteur du bandeau cookies, vos choix par catégorie de cookies, la version de la déclaration affichée, la langue, la page (sans paramètres), la famille et la version du navigateur, une empreinte à clé de votre adresse IP tronquée, l'heure.",
					"Personne en dehors de l'organisation ; Charter est exploité par l'organisation elle-même.",
					"Pendant la durée de conservation des preuves de consentement du site (5 ans par défaut), puis supprimées.",
					"Votre navigateur, lorsque vous avez fait un choix dans le bandeau cookies."),
			"nl", new Holding(0,
					"Bewijs dat u toestemming voor cookies gaf, weigerde of introk (AVG art. 7(1)); statistieken over keuzes.",
					"De willekeurige bezoekers-id van de cookiebanner, uw keuzes per cookiecategorie, de getoonde versie van de verklaring, de taal, de pagina (zonder parameters), browserfamilie en -versie, een gesleutelde hash van uw ingekort IP-adres, het tijdstip.",
					"Niemand buiten de organisatie; Charter wordt door de organisatie zelf beheerd.",
					"Zolang de bewaartermijn voor toestemmingsbewijzen van de site (standaard 5 jaar), daarna gewist.",
					"Uw browser, toen u een keuze maakte in de cookiebanner."));

	private final JdbcClient jdbc;
	private final DeclarationVersions versions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ConsentRecordsHolder(JdbcClient jdbc, DeclarationVersions versions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "consent";
	}

	@Override
	@Transactional(readOnly = true)
	public Holding find(DataSubject subject) {
		int records = count(subject);
		if (records == 0) {
			return Holding.none();
		}
		Holding text = TEXTS.getOrDefault(subject.language(), TEXTS.get("en"));
		return new Holding(records, text.purposes(), text.categories(), text.recipients(), text.retention(),
				text.source());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dataset> export(DataSubject subject) {
		if (!subject.hasVisitorId()) {
			return List.of();
		}
		List<Map<String, Object>> rows = jdbc.sql("""
				select r.id, s.site_key, r.version, r.method, r.choices, r.language, r.page_url, r.browser, r.recorded_at
				from consent_record r join consent_site s on s.id = r.site_id
				where r.visitor_id = :visitor order by r.recorded_at, r.id""").param("visitor", subject.visitorId())
				.query((rs, n) -> {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("consentId", rs.getString("id"));
					row.put("site", rs.getString("site_key"));
					row.put("visitorId", subject.visitorId());
					row.put("declarationVersion", rs.getInt("version"));
					row.put("method", rs.getString("method"));
					row.put("choices", rs.getString("choices"));
					row.put("language", rs.getString("language"));
					row.put("page", rs.getString("page_url"));
					row.put("browser", rs.getString("browser"));
					row.put("recordedAt", instant(rs, "recorded_at").toString());
					return row;
				}).list();
		return rows.isEmpty() ? List.of() : List.of(new Dataset("consent-records", rows));
	}

	/** Deletes every consent record of the visitor, on every site, and any restriction flag. */
	@Override
	@Transactional
	public Outcome erase(DataSubject subject) {
		if (!subject.hasVisitorId()) {
			return Outcome.nothingHeld();
		}
		int deleted = jdbc.sql("delete from consent_record where visitor_id = :visitor")
				.param("visitor", subject.visitorId()).update();
		jdbc.sql("delete from consent_restriction where visitor_id = :visitor").param("visitor", subject.visitorId())
				.update();
		if (deleted == 0) {
			return Outcome.nothingHeld();
		}
		audit("consent-record.erased", subject, deleted + " consent record(s) erased");
		return Outcome.done(deleted, deleted + " consent record(s) deleted");
	}

	/** Keeps the records as proof but leaves them out of the statistics. */
	@Override
	@Transactional
	public Outcome restrict(DataSubject subject) {
		int records = count(subject);
		if (records == 0) {
			return Outcome.nothingHeld();
		}
		boolean already = jdbc.sql("select count(*) from consent_restriction where visitor_id = :visitor")
				.param("visitor", subject.visitorId()).query(Long.class).single() > 0;
		if (!already) {
			jdbc.sql("insert into consent_restriction (visitor_id, restricted_at) values (:visitor, :at)")
					.param("visitor", subject.visitorId()).param("at", odt(clock.instant())).update();
			audit("consent-record.restricted", subject, records + " consent record(s) restricted");
		}
		return Outcome.done(records, records + " consent record(s) kept as proof only, excluded from statistics");
	}

	/**
	 * Records a refusal of every non-necessary category, under each site's current declaration, for
	 * every site the visitor chose on: the proof then shows the withdrawal. The visitor's browser
	 * still holds its banner cookie until the next visit asks again or it expires.
	 */
	@Override
	@Transactional
	public Outcome withdrawConsent(DataSubject subject) {
		if (!subject.hasVisitorId()) {
			return Outcome.nothingHeld();
		}
		List<Map<String, Object>> sites = jdbc.sql("""
				select s.id, s.site_key, max(r.language) as language from consent_record r
				join consent_site s on s.id = r.site_id where r.visitor_id = :visitor group by s.id, s.site_key""")
				.param("visitor", subject.visitorId()).query().listOfRows();
		int recorded = 0;
		for (Map<String, Object> site : sites) {
			Declaration current = versions.current((String) site.get("site_key")).orElse(null);
			if (current == null) {
				continue;
			}
			String choices = current.categories().stream().filter(c -> !c.necessary()).map(c -> c.key() + "=0")
					.collect(Collectors.joining(","));
			jdbc.sql("""
					insert into consent_record (id, site_id, visitor_id, version, method, choices, language, recorded_at)
					values (:id, :site, :visitor, :version, 'WITHDRAW', :choices, :language, :at)""")
					.param("id", UUID.randomUUID()).param("site", site.get("id")).param("visitor", subject.visitorId())
					.param("version", current.version()).param("choices", choices)
					.param("language", site.get("language")).param("at", odt(clock.instant()))
					.update();
			recorded++;
		}
		if (recorded == 0) {
			return Outcome.nothingHeld();
		}
		audit("consent-record.withdrawn", subject, "withdrawal recorded on " + recorded + " site(s)");
		return Outcome.done(recorded, "Withdrawal of every non-necessary category recorded on " + recorded + " site(s)");
	}

	private int count(DataSubject subject) {
		if (!subject.hasVisitorId()) {
			return 0;
		}
		return jdbc.sql("select count(*) from consent_record where visitor_id = :visitor")
				.param("visitor", subject.visitorId()).query(Long.class).single().intValue();
	}

	/** The audit trail names the request, never the visitor id. */
	private void audit(String action, DataSubject subject, String summary) {
		events.publishEvent(new ConsentEvent(Actors.current(), action, "data-subject-request",
				String.valueOf(subject.requestId()), summary, clock.instant()));
	}
}
