package io.charter.consent.log.retention;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.consent.ConsentEvent;
import io.charter.consent.Declaration;
import io.charter.consent.DeclarationVersions;
import io.charter.consent.log.RecordsChanging;
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


	private final JdbcClient jdbc;
	private final DeclarationVersions versions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MessageSource messages;
	private final List<RecordsChanging> changing;

	ConsentRecordsHolder(JdbcClient jdbc, DeclarationVersions versions, ApplicationEventPublisher events, Clock clock,
			MessageSource messages, List<RecordsChanging> changing) {
		this.changing = changing;
		this.jdbc = jdbc;
		this.versions = versions;
		this.events = events;
		this.clock = clock;
		this.messages = messages;
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
		Locale locale = subject.locale();
		return new Holding(records, text("purposes", locale), text("categories", locale), text("recipients", locale),
				text("retention", locale), text("source", locale));
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
		changing.forEach(c -> c.visitorChanging(subject.visitorId()));
		int deleted = jdbc.sql("delete from consent_record where visitor_id = :visitor")
				.param("visitor", subject.visitorId()).update();
		jdbc.sql("delete from consent_restriction where visitor_id = :visitor").param("visitor", subject.visitorId())
				.update();
		if (deleted == 0) {
			return Outcome.nothingHeld();
		}
		audit(new ConsentEvent.ConsentRecordsErased(subject.requestId(), deleted + " consent record(s) erased",
				Actors.current(), clock.instant()));
		return Outcome.done(deleted, deleted + " consent record(s) deleted").saying("consent-log.data.erased", deleted);
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
			changing.forEach(c -> c.visitorChanging(subject.visitorId()));
			jdbc.sql("insert into consent_restriction (visitor_id, restricted_at) values (:visitor, :at)")
					.param("visitor", subject.visitorId()).param("at", odt(clock.instant())).update();
			audit(new ConsentEvent.ConsentRecordsRestricted(subject.requestId(), records + " consent record(s) restricted",
					Actors.current(), clock.instant()));
		}
		return Outcome.done(records, records + " consent record(s) kept as proof only, excluded from statistics")
				.saying("consent-log.data.restricted", records);
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
		audit(new ConsentEvent.ConsentWithdrawn(subject.requestId(), "withdrawal recorded on " + recorded + " site(s)",
				Actors.current(), clock.instant()));
		return Outcome.done(recorded, "Withdrawal of every non-necessary category recorded on " + recorded + " site(s)")
				.saying("consent-log.data.withdrawn", recorded);
	}

	private int count(DataSubject subject) {
		if (!subject.hasVisitorId()) {
			return 0;
		}
		return jdbc.sql("select count(*) from consent_record where visitor_id = :visitor")
				.param("visitor", subject.visitorId()).query(Long.class).single().intValue();
	}

	/** The audit trail names the request, never the visitor id. */
	private void audit(ConsentEvent.SubjectRequestEvent event) {
		events.publishEvent(event);
	}

	/** The art. 15(1) information, in the consent log's bundle. */
	private String text(String key, Locale locale) {
		return messages.getMessage("consent-log.data." + key, null, locale);
	}
}
