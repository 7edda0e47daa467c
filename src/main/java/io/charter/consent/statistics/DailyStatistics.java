package io.charter.consent.statistics;

import static io.charter.platform.Utc.odt;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.charter.consent.log.counts.ConsentTallies;

/**
 * The aggregate tables and the days they hold ({@code consent_statistic_day}). A day is read from
 * the aggregates when it is marked rolled up, else counted live from the log: never both.
 */
@Repository
class DailyStatistics {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final ConsentTallies tallies;
	private final Clock clock;

	DailyStatistics(JdbcClient jdbc, JdbcTemplate template, ConsentTallies tallies, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.tallies = tallies;
		this.clock = clock;
	}

	/** Holds the site's row until commit: a roll-up and a change to the site's records take turns. */
	void lock(UUID siteId) {
		jdbc.sql("select id from consent_site where id = :site for update").param("site", siteId).query(UUID.class).list();
	}

	Set<LocalDate> rolledDays(UUID siteId, LocalDate from, LocalDate to) {
		return new HashSet<>(jdbc.sql("""
				select on_day from consent_statistic_day where site_id = :site and on_day >= :from and on_day <= :to""")
				.param("site", siteId).param("from", from).param("to", to).query(LocalDate.class).list());
	}

	/** Replaces the day's aggregates by a count of its records and marks it rolled up; the caller holds the transaction. */
	void roll(UUID siteId, LocalDate day) {
		forget(siteId, day, day);
		DayRows rows = new DayRows();
		tallies.tally(siteId, day, day.plusDays(1), rows::add);
		template.batchUpdate("insert into consent_statistic (site_id, on_day, version, language, method, records) values (?, ?, ?, ?, ?, ?)",
				rows.records(), 500, (ps, r) -> {
					ps.setObject(1, siteId);
					ps.setObject(2, r.day());
					ps.setInt(3, r.version());
					ps.setString(4, r.language());
					ps.setString(5, r.method());
					ps.setLong(6, r.records());
				});
		template.batchUpdate("""
				insert into consent_statistic_choice (site_id, on_day, version, language, method, category, granted, refused)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", rows.choices(), 500, (ps, c) -> {
			ps.setObject(1, siteId);
			ps.setObject(2, c.day());
			ps.setInt(3, c.version());
			ps.setString(4, c.language());
			ps.setString(5, c.method());
			ps.setString(6, c.category());
			ps.setLong(7, c.granted());
			ps.setLong(8, c.refused());
		});
		template.batchUpdate("insert into consent_statistic_page (site_id, on_day, page_url, method, records) values (?, ?, ?, ?, ?)",
				rows.pages(), 500, (ps, p) -> {
					ps.setObject(1, siteId);
					ps.setObject(2, p.day());
					ps.setString(3, p.page());
					ps.setString(4, p.method());
					ps.setLong(5, p.records());
				});
		jdbc.sql("insert into consent_statistic_day (site_id, on_day, rolled_at) values (:site, :day, :at)")
				.param("site", siteId).param("day", day).param("at", odt(clock.instant())).update();
	}

	/** Drops the aggregates of the days {@code from} to {@code to} and their marks: they are counted live again. */
	void forget(UUID siteId, LocalDate from, LocalDate to) {
		for (String table : List.of("consent_statistic", "consent_statistic_choice", "consent_statistic_page",
				"consent_statistic_day")) {
			jdbc.sql("delete from " + table + " where site_id = :site and on_day >= :from and on_day <= :to")
					.param("site", siteId).param("from", from).param("to", to).update();
		}
	}

	/** Every count of the days {@code from} to {@code to}: rolled-up days from the aggregates, the others live. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	DayRows.Counts read(UUID siteId, LocalDate from, LocalDate to) {
		Set<LocalDate> rolled = rolledDays(siteId, from, to);
		DayRows live = new DayRows();
		LocalDate start = null;
		for (LocalDate day = from; !day.isAfter(to.plusDays(1)); day = day.plusDays(1)) {
			boolean counted = rolled.contains(day) || day.isAfter(to);
			if (!counted && start == null) {
				start = day;
			}
			else if (counted && start != null) {
				tallies.tally(siteId, start, day, live::add);
				start = null;
			}
		}
		List<DayRows.Records> records = new ArrayList<>(live.records());
		records.addAll(jdbc.sql("select on_day, version, language, method, records from consent_statistic"
				+ " where site_id = :site and on_day >= :from and on_day <= :to")
				.param("site", siteId).param("from", from).param("to", to)
				// Only the days found rolled up above: a day rolled up since was counted live.
				.query((rs, n) -> new DayRows.Records(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
						rs.getString(4), rs.getLong(5))).list().stream().filter(r -> rolled.contains(r.day())).toList());
		List<DayRows.Choice> choices = new ArrayList<>(live.choices());
		choices.addAll(jdbc.sql("select on_day, version, language, method, category, granted, refused from consent_statistic_choice"
				+ " where site_id = :site and on_day >= :from and on_day <= :to")
				.param("site", siteId).param("from", from).param("to", to)
				.query((rs, n) -> new DayRows.Choice(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7))).list().stream().filter(r -> rolled.contains(r.day())).toList());
		List<DayRows.Page> pages = new ArrayList<>(live.pages());
		pages.addAll(jdbc.sql("select on_day, page_url, method, records from consent_statistic_page"
				+ " where site_id = :site and on_day >= :from and on_day <= :to")
				.param("site", siteId).param("from", from).param("to", to)
				.query((rs, n) -> new DayRows.Page(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
						rs.getLong(4))).list().stream().filter(r -> rolled.contains(r.day())).toList());
		return new DayRows.Counts(records, choices, pages);
	}
}
