package io.charter.consent.log;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only {@code consent_record} table: batch inserts for the group commit, reads for
 * receipts, the admin search and exports, daily statistics, and the retention purge. No update
 * statement exists for this table.
 */
@Repository
public class ConsentRecords {

	private static final String INSERT = """
			insert into consent_record (id, site_id, visitor_id, version, method, choices, language, page_url,
			  source_hash, browser, recorded_at, chosen_at) values """;
	private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	private static final int COLUMNS = 12;
	/**
	 * Rows per insert statement, largest first. A statement per row cost the database an execution per
	 * row; one statement of exactly the batch's size would be parsed anew for nearly every batch. With
	 * these three sizes every batch is at most three JDBC batches (round trips) of three statements
	 * that the driver and the database keep prepared.
	 */
	static final int[] ROWS_PER_STATEMENT = {64, 8, 1};
	private static final Map<Integer, String> INSERTS = Arrays.stream(ROWS_PER_STATEMENT).boxed()
			.collect(Collectors.toUnmodifiableMap(n -> n, n -> INSERT + String.join(", ", Collections.nCopies(n, ROW))));

	/** Search criteria of the records page and its exports; every field optional, dates in UTC, inclusive. */
	public record Filter(String visitorId, UUID consentId, LocalDate from, LocalDate to) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Cache<String, Optional<UUID>> siteIds = Caffeine.newBuilder().maximumSize(10_000).build();

	ConsentRecords(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Site ids never change once a site exists, so they are cached for good. */
	public Optional<UUID> siteId(String siteKey) {
		Optional<UUID> cached = siteIds.getIfPresent(siteKey);
		if (cached != null) {
			return cached;
		}
		Optional<UUID> id = jdbc.sql("select id from consent_site where site_key = :key").param("key", siteKey)
				.query(UUID.class).optional();
		id.ifPresent(found -> siteIds.put(siteKey, id));
		return id;
	}

	/** Sites that have records: key and id, for the purge. */
	public Map<String, UUID> sites() {
		Map<String, UUID> sites = new LinkedHashMap<>();
		jdbc.sql("select site_key, id from consent_site order by site_key")
				.query(rs -> {
					sites.put(rs.getString(1), rs.getObject(2, UUID.class));
				});
		return sites;
	}

	/**
	 * Inserts every record, several rows per statement ({@link #ROWS_PER_STATEMENT}), the statements of
	 * one size as one JDBC batch; the caller holds the transaction.
	 */
	void insert(List<ConsentRecord> records) {
		int[] counts = statements(records.size());
		int from = 0;
		for (int size = 0; size < ROWS_PER_STATEMENT.length; size++) {
			int rows = ROWS_PER_STATEMENT[size];
			int statements = counts[size];
			if (statements == 0) {
				continue;
			}
			List<List<ConsentRecord>> chunks = new ArrayList<>(statements);
			for (int i = 0; i < statements; i++, from += rows) {
				chunks.add(records.subList(from, from + rows));
			}
			template.batchUpdate(INSERTS.get(rows), chunks, statements, ConsentRecords::bind);
		}
	}

	/** How many statements of each size of {@link #ROWS_PER_STATEMENT} insert that many records. */
	static int[] statements(int records) {
		int[] counts = new int[ROWS_PER_STATEMENT.length];
		int left = records;
		for (int size = 0; size < counts.length; size++) {
			counts[size] = left / ROWS_PER_STATEMENT[size];
			left -= counts[size] * ROWS_PER_STATEMENT[size];
		}
		return counts;
	}

	private static void bind(PreparedStatement ps, List<ConsentRecord> rows) throws SQLException {
		int at = 0;
		for (ConsentRecord r : rows) {
			ps.setObject(at + 1, r.id());
			ps.setObject(at + 2, r.siteId());
			ps.setString(at + 3, r.visitorId());
			ps.setInt(at + 4, r.version());
			ps.setString(at + 5, r.method().name());
			ps.setString(at + 6, r.choicesText());
			ps.setString(at + 7, r.language());
			if (r.pageUrl() == null) {
				ps.setNull(at + 8, Types.VARCHAR);
			}
			else {
				ps.setString(at + 8, r.pageUrl());
			}
			ps.setString(at + 9, r.sourceHash());
			ps.setString(at + 10, r.browser());
			ps.setObject(at + 11, odt(r.recordedAt()));
			ps.setObject(at + 12, odt(r.chosenAt()));
			at += COLUMNS;
		}
	}

	boolean exists(UUID id) {
		return jdbc.sql("select count(*) from consent_record where id = :id").param("id", id).query(Long.class)
				.single() > 0;
	}

	Optional<ConsentRecord> find(String siteKey, UUID siteId, UUID id) {
		return jdbc.sql("select * from consent_record where id = :id and site_id = :site").param("id", id)
				.param("site", siteId).query((rs, n) -> map(rs, siteKey)).optional();
	}

	public List<ConsentRecord> search(String siteKey, UUID siteId, Filter filter, int page, int size) {
		Where where = where(siteId, filter);
		return where.apply(jdbc.sql("select * from consent_record " + where.sql
				+ " order by recorded_at desc, id limit :limit offset :offset"))
				.param("limit", size).param("offset", (long) page * size)
				.query((rs, n) -> map(rs, siteKey)).list();
	}

	public long count(UUID siteId, Filter filter) {
		Where where = where(siteId, filter);
		return where.apply(jdbc.sql("select count(*) from consent_record " + where.sql)).query(Long.class).single();
	}

	/** Every matching record, oldest first, handed over one at a time (exports of any size). */
	public void each(String siteKey, UUID siteId, Filter filter, Consumer<ConsentRecord> sink) {
		Where where = where(siteId, filter);
		// JdbcTemplate with a fetch size streams rows from PostgreSQL instead of loading them all.
		List<Object> args = new ArrayList<>();
		String positional = positional(where, args);
		JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
		streaming.setFetchSize(500);
		streaming.query("select * from consent_record " + positional + " order by recorded_at, id",
				rs -> {
					sink.accept(map(rs, siteKey));
				}, args.toArray());
	}

	/** Deletes one site's records recorded before the cutoff, in chunks so no transaction grows huge. */
	public int deleteBefore(UUID siteId, Instant cutoff, int chunk) {
		return jdbc.sql("""
				delete from consent_record where id in (
				  select id from consent_record where site_id = :site and recorded_at < :cutoff limit :chunk)""")
				.param("site", siteId).param("cutoff", odt(cutoff)).param("chunk", chunk).update();
	}

	private record Where(String sql, Map<String, Object> params) {
		JdbcClient.StatementSpec apply(JdbcClient.StatementSpec spec) {
			params.forEach(spec::param);
			return spec;
		}
	}

	private static Where where(UUID siteId, Filter filter) {
		StringBuilder sql = new StringBuilder("where site_id = :site");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("site", siteId);
		if (filter.visitorId() != null && !filter.visitorId().isBlank()) {
			sql.append(" and visitor_id = :visitor");
			params.put("visitor", filter.visitorId().trim());
		}
		if (filter.consentId() != null) {
			sql.append(" and id = :id");
			params.put("id", filter.consentId());
		}
		if (filter.from() != null) {
			sql.append(" and recorded_at >= :from");
			params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			sql.append(" and recorded_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		return new Where(sql.toString(), params);
	}

	/** The same conditions with {@code ?} placeholders, for the streaming JdbcTemplate query. */
	private static String positional(Where where, List<Object> args) {
		String sql = where.sql;
		for (Map.Entry<String, Object> p : where.params.entrySet()) {
			sql = sql.replace(":" + p.getKey(), "?");
			args.add(p.getValue());
		}
		return sql;
	}

	private static ConsentRecord map(ResultSet rs, String siteKey) throws SQLException {
		Instant recordedAt = instant(rs, "recorded_at");
		Instant chosenAt = instant(rs, "chosen_at");
		return new ConsentRecord(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), siteKey,
				rs.getString("visitor_id"), rs.getInt("version"), ConsentMethod.valueOf(rs.getString("method")),
				ConsentRecord.parseChoices(rs.getString("choices")), rs.getString("language"), rs.getString("page_url"),
				rs.getString("source_hash"), rs.getString("browser"), recordedAt,
				chosenAt == null ? recordedAt : chosenAt);
	}
}
