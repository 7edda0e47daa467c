package io.charter.people;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.Utc;

/** The {@code person} table. E-mail addresses are stored lower-case. */
@Repository
class People implements DirectoryRows {

	private static final String COLUMNS = "id, name, email, employee_id, kind, department, manager_id, start_date, end_date, status, language";

	private static final String INSERT = "insert into person (" + COLUMNS + ", created_at, updated_at) values (:id, :name, :email, :employeeId, :kind, :department, :managerId, :startDate, :endDate, :status, :language, :now, :now)";
	private static final String UPDATE = "update person set name = :name, email = :email, employee_id = :employeeId, kind = :kind, department = :department, manager_id = :managerId, start_date = :startDate, end_date = :endDate, status = :status, language = :language, updated_at = :now where id = :id";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcOperations batches;

	People(JdbcClient jdbc, NamedParameterJdbcOperations batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** The whole directory, for work on many people at once (the CSV import). */
	List<PersonSummary> all() {
		return jdbc.sql("select " + COLUMNS + " from person").query(People::map).list();
	}

	@Override
	public Optional<PersonSummary> findById(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from person where id = :id").param("id", id).query(People::map).optional();
	}

	@Override
	public Optional<PersonSummary> findByEmail(String email) {
		return jdbc.sql("select " + COLUMNS + " from person where email = :email").param("email", normalise(email))
				.query(People::map).optional();
	}

	@Override
	public Optional<PersonSummary> findByEmployeeId(String employeeId) {
		return jdbc.sql("select " + COLUMNS + " from person where employee_id = :employeeId")
				.param("employeeId", employeeId).query(People::map).optional();
	}

	/** People matching the filter, by name; {@code text} matches name, e-mail, employee id or department. */
	List<PersonSummary> search(PeopleFilter filter, int offset, int limit) {
		return jdbc.sql("select " + COLUMNS + " from person" + filter.where() + " order by lower(name), id offset :offset rows fetch next :limit rows only")
				.params(filter.parameters()).param("offset", offset).param("limit", limit).query(People::map).list();
	}

	/** These people, in queries of at most a thousand ids each. */
	List<PersonSummary> findAll(java.util.Collection<UUID> ids) {
		List<UUID> all = new java.util.ArrayList<>(ids);
		List<PersonSummary> found = new java.util.ArrayList<>(all.size());
		for (int from = 0; from < all.size(); from += 1000) {
			found.addAll(jdbc.sql("select " + COLUMNS + " from person where id in (:ids)")
					.param("ids", all.subList(from, Math.min(all.size(), from + 1000))).query(People::map).list());
		}
		return found;
	}

	/** The ids of the filtered directory, by name: the totals of the compliance overview. */
	List<UUID> ids(PeopleFilter filter) {
		return jdbc.sql("select id from person" + filter.where() + " order by lower(name), id").params(filter.parameters())
				.query(UUID.class).list();
	}

	int count(PeopleFilter filter) {
		return jdbc.sql("select count(*) from person" + filter.where()).params(filter.parameters()).query(Integer.class)
				.single();
	}

	/** As {@link Directory#activeOnCondition}: active, and no end date before the day. */
	int countActiveOn(LocalDate day) {
		return jdbc.sql("select count(*) from person where status = 'ACTIVE' and (end_date is null or end_date >= :day)")
				.param("day", day).query(Integer.class).single();
	}

	/** When each of these people was added, a thousand ids per query. */
	java.util.Map<UUID, Instant> addedAt(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, Instant> added = new java.util.HashMap<>();
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			jdbc.sql("select id, created_at from person where id in (:ids)")
					.param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
					.query((rs, row) -> added.put(rs.getObject("id", UUID.class), Utc.instant(rs, "created_at"))).list();
		}
		return added;
	}

	List<String> departments() {
		return jdbc.sql("select distinct department from person where department is not null order by department")
				.query(String.class).list();
	}

	@Override
	public void insert(PersonSummary p, Instant now) {
		jdbc.sql(INSERT).params(parameters(p)).param("now", Utc.odt(now)).update();
	}

	@Override
	public void update(PersonSummary p, Instant now) {
		jdbc.sql(UPDATE).params(parameters(p)).param("now", Utc.odt(now)).update();
	}

	/** A person to write and when the change was made. */
	record Row(PersonSummary person, Instant at) {
	}

	/** Inserts ({@code insert} true) or updates people in one JDBC batch, in list order. */
	void write(List<Row> rows, boolean insert) {
		if (rows.isEmpty()) {
			return;
		}
		SqlParameterSource[] values = rows.stream()
				.map(r -> new MapSqlParameterSource(parameters(r.person())).addValue("now", Utc.odt(r.at())))
				.toArray(SqlParameterSource[]::new);
		batches.batchUpdate(insert ? INSERT : UPDATE, values);
	}

	/** Irreversibly replaces what names the person; the row and its dates stay for the records that point at it. */
	void anonymise(UUID id, Instant now) {
		jdbc.sql("update person set name = :name, email = :email, employee_id = null, department = null, anonymised_at = :now, updated_at = :now where id = :id")
				.param("name", "—").param("email", "erased-" + id + "@invalid").param("now", Utc.odt(now)).param("id", id)
				.update();
		jdbc.sql("update person set manager_id = null where manager_id = :id").param("id", id).update();
	}

	static String normalise(String email) {
		return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static java.util.Map<String, Object> parameters(PersonSummary p) {
		java.util.Map<String, Object> values = new java.util.HashMap<>();
		values.put("id", p.id());
		values.put("name", p.name());
		values.put("email", p.email());
		values.put("employeeId", p.employeeId());
		values.put("kind", p.kind().name());
		values.put("department", p.department());
		values.put("managerId", p.managerId());
		values.put("startDate", p.startDate());
		values.put("endDate", p.endDate());
		values.put("status", p.status().name());
		values.put("language", p.language());
		return values;
	}

	private static PersonSummary map(ResultSet rs, int row) throws SQLException {
		return new PersonSummary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
				rs.getString("employee_id"), PersonKind.valueOf(rs.getString("kind")), rs.getString("department"),
				rs.getObject("manager_id", UUID.class), date(rs, "start_date"), date(rs, "end_date"),
				PersonStatus.valueOf(rs.getString("status")), rs.getString("language"));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}
}
