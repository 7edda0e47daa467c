package io.charter.premises;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The premises_visit table. */
@Repository
class Visits {

	private static final String COLUMNS = """
			id, visitor_name, company, email, language, expected_at, host_id, escort, walk_in, badge, checked_in_at,
			checked_out_at, anonymised_at""";

	private final JdbcClient jdbc;

	Visits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Visit v, Instant now) {
		jdbc.sql("insert into premises_visit (" + COLUMNS + ", created_at) values (:id, :name, :company, :email,"
				+ " :language, :expected, :host, :escort, :walkIn, :badge, :in, :out, :anonymised, :now)")
				.params(values(v)).param("now", odt(now)).update();
	}

	void update(Visit v) {
		jdbc.sql("""
				update premises_visit set visitor_name = :name, company = :company, email = :email, language = :language,
				  expected_at = :expected, host_id = :host, escort = :escort, walk_in = :walkIn, badge = :badge,
				  checked_in_at = :in, checked_out_at = :out, anonymised_at = :anonymised
				where id = :id""").params(values(v)).update();
	}

	private static Map<String, Object> values(Visit v) {
		Map<String, Object> m = new HashMap<>();
		m.put("id", v.id());
		m.put("name", v.visitorName());
		m.put("company", v.company());
		m.put("email", v.email());
		m.put("language", v.language());
		m.put("expected", odt(v.expectedAt()));
		m.put("host", v.hostId());
		m.put("escort", v.escort());
		m.put("walkIn", v.walkIn());
		m.put("badge", v.badge());
		m.put("in", odt(v.checkedInAt()));
		m.put("out", odt(v.checkedOutAt()));
		m.put("anonymised", odt(v.anonymisedAt()));
		return m;
	}

	Optional<Visit> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from premises_visit where id = :id").param("id", id).query(this::map)
				.optional();
	}

	/** Visits not yet checked in, expected in [from, to), whose visitor's name contains the text. */
	List<Visit> expected(String name, Instant from, Instant to) {
		return jdbc.sql("select " + COLUMNS + """
				 from premises_visit where checked_in_at is null and anonymised_at is null
				  and expected_at >= :from and expected_at < :to and lower(visitor_name) like :name
				order by expected_at limit 20""").param("from", odt(from)).param("to", odt(to))
				.param("name", "%" + name.toLowerCase().replace("%", "").replace("_", "") + "%").query(this::map).list();
	}

	/** Everyone checked in and not out, first arrived first: the evacuation list. */
	List<Visit> onSite() {
		return jdbc.sql("select " + COLUMNS + " from premises_visit where checked_in_at is not null"
				+ " and checked_out_at is null order by checked_in_at").query(this::map).list();
	}

	/** The visitor on site holding this badge (the latest to get it, should two hold the same number). */
	Optional<Visit> onSiteWithBadge(String badge) {
		return jdbc.sql("select " + COLUMNS + " from premises_visit where checked_in_at is not null"
				+ " and checked_out_at is null and badge = :badge order by checked_in_at desc limit 1")
				.param("badge", badge).query(this::map).optional();
	}

	/** The visits a host registered or receives, from this instant, soonest first. */
	List<Visit> ofHost(UUID host, Instant from) {
		return jdbc.sql("select " + COLUMNS + " from premises_visit where host_id = :host and expected_at >= :from"
				+ " order by expected_at").param("host", host).param("from", odt(from)).query(this::map).list();
	}

	/**
	 * Visits of a person not yet anonymised, found by address, or by name (case ignored) among the visits
	 * registered without an address: a visit under another address is someone else's.
	 */
	List<Visit> ofVisitor(String email, String name) {
		return jdbc.sql("select " + COLUMNS + """
				 from premises_visit where anonymised_at is null
				  and (lower(email) = lower(:email) or (email is null and lower(visitor_name) = lower(:name)))
				order by expected_at""").param("email", email == null ? "" : email)
				.param("name", name == null ? "" : name.strip()).query(this::map).list();
	}

	/** Clears the visitor's name, company and address of one visit; the row stays for the counts. */
	int anonymise(UUID id, Instant now) {
		return jdbc.sql("""
				update premises_visit set visitor_name = null, company = null, email = null, anonymised_at = :now
				where id = :id and anonymised_at is null""").param("id", id).param("now", odt(now)).update();
	}

	/** Clears the visitors of every visit expected before this instant (and left, or never came). */
	int anonymiseBefore(Instant before, Instant now) {
		return jdbc.sql("""
				update premises_visit set visitor_name = null, company = null, email = null, anonymised_at = :now
				where anonymised_at is null and expected_at < :before
				  and (checked_out_at is not null or checked_in_at is null or checked_in_at < :before)""")
				.param("before", odt(before)).param("now", odt(now)).update();
	}

	/** Visits checked in before this instant and never checked out. */
	int stillOnSiteSince(Instant before) {
		return jdbc.sql("""
				select count(*) from premises_visit
				where checked_in_at is not null and checked_out_at is null and checked_in_at < :before""")
				.param("before", odt(before)).query(Integer.class).single();
	}

	/** Visits expected in [from, to), and how many of those have a host of the directory. */
	int[] expectedBetween(Instant from, Instant to) {
		return jdbc.sql("select count(*), count(host_id) from premises_visit where expected_at >= :from and expected_at < :to")
				.param("from", odt(from)).param("to", odt(to)).query((rs, row) -> new int[] { rs.getInt(1), rs.getInt(2) })
				.single();
	}

	/** Visits checked in during [from, to). */
	int checkedInBetween(Instant from, Instant to) {
		return jdbc.sql("select count(*) from premises_visit where checked_in_at >= :from and checked_in_at < :to")
				.param("from", odt(from)).param("to", odt(to)).query(Integer.class).single();
	}

	private Visit map(ResultSet rs, int row) throws SQLException {
		return new Visit(rs.getObject("id", UUID.class), rs.getString("visitor_name"), rs.getString("company"),
				rs.getString("email"), rs.getString("language"), instant(rs, "expected_at"),
				rs.getObject("host_id", UUID.class), rs.getBoolean("escort"), rs.getBoolean("walk_in"),
				rs.getString("badge"), instant(rs, "checked_in_at"), instant(rs, "checked_out_at"),
				instant(rs, "anonymised_at"));
	}
}
