package io.charter.premises;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The premises_desk_check and premises_desk_finding tables. */
@Repository
class DeskChecks {

	private static final String CHECK = "id, checked_on, area, desks_checked, checked_by, created_at";
	private static final String FINDING = "id, check_id, desk, found, person_id, follow_up, notified_at, created_at";

	private final JdbcClient jdbc;

	DeskChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DeskCheck c) {
		jdbc.sql("insert into premises_desk_check (" + CHECK + ") values (:id, :on, :area, :desks, :by, :created)")
				.param("id", c.id()).param("on", c.checkedOn()).param("area", c.area()).param("desks", c.desksChecked())
				.param("by", c.checkedBy()).param("created", odt(c.createdAt())).update();
	}

	void insert(DeskCheck.Finding f) {
		jdbc.sql("insert into premises_desk_finding (" + FINDING + ") values (:id, :check, :desk, :found, :person,"
				+ " :followUp, :notified, :created)").param("id", f.id()).param("check", f.checkId())
				.param("desk", f.desk()).param("found", f.found()).param("person", f.personId())
				.param("followUp", f.followUp()).param("notified", odt(f.notifiedAt()))
				.param("created", odt(f.createdAt())).update();
	}

	Optional<DeskCheck> find(UUID id) {
		return jdbc.sql("select " + CHECK + " from premises_desk_check where id = :id").param("id", id)
				.query(this::check).optional();
	}

	/** The latest checks first. */
	List<DeskCheck> latest(int limit) {
		return jdbc.sql("select " + CHECK + " from premises_desk_check order by checked_on desc, created_at desc"
				+ " limit :limit").param("limit", limit).query(this::check).list();
	}

	List<DeskCheck.Finding> findings(UUID check) {
		return jdbc.sql("select " + FINDING + " from premises_desk_finding where check_id = :c order by created_at")
				.param("c", check).query(this::finding).list();
	}

	/** Checks, desks checked and findings over the days [from, to). */
	long[] between(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select count(*), coalesce(sum(desks_checked), 0),
				  (select count(*) from premises_desk_finding f join premises_desk_check k on k.id = f.check_id
				    where k.checked_on >= :from and k.checked_on < :to)
				from premises_desk_check where checked_on >= :from and checked_on < :to""")
				.param("from", from).param("to", to)
				.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single();
	}

	List<DeskCheck.Finding> ofPerson(UUID person) {
		return jdbc.sql("select " + FINDING + " from premises_desk_finding where person_id = :p order by created_at")
				.param("p", person).query(this::finding).list();
	}

	/** Takes the person off the findings on their desk; the findings stay for the quarter's figures. */
	int anonymise(UUID person) {
		return jdbc.sql("update premises_desk_finding set person_id = null where person_id = :p").param("p", person)
				.update();
	}

	private DeskCheck check(ResultSet rs, int row) throws SQLException {
		return new DeskCheck(rs.getObject("id", UUID.class), rs.getObject("checked_on", LocalDate.class),
				rs.getString("area"), rs.getInt("desks_checked"), rs.getString("checked_by"), instant(rs, "created_at"));
	}

	private DeskCheck.Finding finding(ResultSet rs, int row) throws SQLException {
		return new DeskCheck.Finding(rs.getObject("id", UUID.class), rs.getObject("check_id", UUID.class),
				rs.getString("desk"), rs.getString("found"), rs.getObject("person_id", UUID.class),
				rs.getString("follow_up"), instant(rs, "notified_at"), instant(rs, "created_at"));
	}
}
