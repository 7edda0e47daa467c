package io.charter.consent.log.counts;

import static io.charter.platform.Utc.odt;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.consent.log.ConsentRecord;
import io.charter.consent.log.ConsentRecords;

/**
 * The consent log as the statistics read it: records counted per UTC day and what the statistics
 * break them down by, never one record. Restricted visitors' records are left out, as in every
 * statistic of the log.
 */
@Component
public class ConsentTallies {

	/**
	 * How many records of one day share a version, language, method, page and choices.
	 *
	 * @param method the {@code ConsentMethod} name
	 * @param page the page address as recorded, {@code ""} when none was sent
	 * @param choices category key (and {@code category:service} key) to granted, as recorded
	 */
	public record Tally(LocalDate day, int version, String language, String method, String page,
			Map<String, Boolean> choices, long records) {
	}

	private static final String DAY = "cast(recorded_at at time zone 'UTC' as date)";

	private final ConsentRecords records;
	private final JdbcClient jdbc;
	private final Clock clock;

	ConsentTallies(ConsentRecords records, JdbcClient jdbc, Clock clock) {
		this.records = records;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<UUID> siteId(String siteKey) {
		return records.siteId(siteKey);
	}

	/** Every site, key to id. */
	public Map<String, UUID> sites() {
		return records.sites();
	}

	/** Today in UTC, the day that is still being written. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/** The records of the days {@code from} to {@code until} (exclusive), counted. */
	public void tally(UUID siteId, LocalDate from, LocalDate until, Consumer<Tally> sink) {
		jdbc.sql("select " + DAY + ", version, language, method, coalesce(page_url, ''), choices, count(*)"
				+ """

				from consent_record where site_id = :site and recorded_at >= :from and recorded_at < :until
				  and visitor_id not in (select visitor_id from consent_restriction)
				group by """ + " " + DAY + ", version, language, method, coalesce(page_url, ''), choices")
				.param("site", siteId).param("from", odt(from.atStartOfDay().toInstant(ZoneOffset.UTC)))
				.param("until", odt(until.atStartOfDay().toInstant(ZoneOffset.UTC)))
				.query(rs -> {
					sink.accept(new Tally(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3), rs.getString(4),
							rs.getString(5), ConsentRecord.parseChoices(rs.getString(6)), rs.getLong(7)));
				});
	}

	/** The first UTC day that still has records of the site, empty when it has none. */
	public Optional<LocalDate> firstDay(UUID siteId) {
		return jdbc.sql("select min(recorded_at) from consent_record where site_id = :site")
				.param("site", siteId).query(java.time.OffsetDateTime.class).optional()
				.map(at -> at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
	}

	/** The (site, UTC day) pairs that hold a visitor's records. */
	public List<Map.Entry<UUID, LocalDate>> daysOf(String visitorId) {
		return jdbc.sql("select distinct site_id, " + DAY + " from consent_record where visitor_id = :visitor")
				.param("visitor", visitorId)
				.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))).list();
	}
}
