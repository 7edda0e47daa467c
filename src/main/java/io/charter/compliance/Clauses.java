package io.charter.compliance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.Utc;

/** The clauses, their versions and each version's controls: three tables read as one. */
@Repository
class Clauses {

	private final JdbcClient jdbc;

	Clauses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every clause in its current version, in the policy's order; retired ones too when asked. */
	List<Clause> all(boolean withRetired) {
		List<Clause> clauses = jdbc.sql("""
				select c.id, c.document, c.sort_order, c.current_version, c.retired_at, v.title, v.wording
				from compliance_clause c
				join compliance_clause_version v on v.clause_id = c.id and v.version = c.current_version
				where :all or c.retired_at is null
				order by c.sort_order, c.id
				""").param("all", withRetired).query((rs, n) -> new Clause(rs.getString("id"),
						rs.getString("document"), rs.getInt("sort_order"), rs.getInt("current_version"),
						rs.getString("title"), rs.getString("wording"), Set.of(), Utc.instant(rs, "retired_at")))
				.list();
		Map<String, Set<String>> controls = currentControls();
		return clauses.stream().map(c -> new Clause(c.id(), c.document(), c.order(), c.version(), c.title(),
				c.wording(), controls.getOrDefault(c.id(), Set.of()), c.retiredAt())).toList();
	}

	Optional<Clause> find(String id) {
		return all(true).stream().filter(c -> c.id().equals(id)).findFirst();
	}

	private Map<String, Set<String>> currentControls() {
		Map<String, Set<String>> controls = new HashMap<>();
		jdbc.sql("""
				select k.clause_id, k.control_id from compliance_clause_control k
				join compliance_clause c on c.id = k.clause_id and c.current_version = k.version
				order by k.control_id
				""").query(rs -> {
			controls.computeIfAbsent(rs.getString("clause_id"), id -> new LinkedHashSet<>()).add(rs.getString("control_id"));
		});
		return controls;
	}

	/** A clause's versions, newest first, each with the controls it was mapped to. */
	List<ClauseVersion> versions(String clauseId) {
		Map<Integer, Set<String>> controls = new HashMap<>();
		jdbc.sql("select version, control_id from compliance_clause_control where clause_id = :c")
				.param("c", clauseId)
				.query(rs -> {
					controls.computeIfAbsent(rs.getInt("version"), v -> new TreeSet<>()).add(rs.getString("control_id"));
				});
		return jdbc.sql("""
				select version, title, wording, kind, changed_at, changed_by from compliance_clause_version
				where clause_id = :c order by version desc
				""").param("c", clauseId).query((rs, n) -> new ClauseVersion(clauseId, rs.getInt("version"),
						rs.getString("title"), rs.getString("wording"), controls.getOrDefault(rs.getInt("version"), Set.of()),
						ClauseVersion.Change.valueOf(rs.getString("kind")), Utc.instant(rs, "changed_at"),
						rs.getString("changed_by"))).list();
	}

	boolean exists(String id) {
		return jdbc.sql("select count(*) from compliance_clause where id = :id").param("id", id).query(Integer.class)
				.single() > 0;
	}

	void insert(String id, String document, ClauseVersion first) {
		int order = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from compliance_clause").query(Integer.class).single();
		jdbc.sql("insert into compliance_clause (id, document, sort_order, current_version) values (:id, :d, :o, 0)")
				.param("id", id).param("d", document).param("o", order).update();
		addVersion(first);
	}

	/**
	 * Writes the next version and makes it current; false when another change took that number first,
	 * so two editors never both believe their words are current.
	 */
	boolean addVersion(ClauseVersion version) {
		boolean retire = version.change() == ClauseVersion.Change.RETIRED;
		var update = jdbc.sql("update compliance_clause set current_version = :v, retired_at = "
				+ (retire ? ":at" : "null") + " where id = :id and current_version = :previous")
				.param("v", version.version()).param("id", version.clauseId()).param("previous", version.version() - 1);
		int updated = (retire ? update.param("at", Utc.odt(version.changedAt())) : update).update();
		if (updated != 1) {
			return false;
		}
		jdbc.sql("""
				insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
				values (:c, :v, :t, :w, :k, :at, :by)
				""").param("c", version.clauseId()).param("v", version.version()).param("t", version.title())
				.param("w", version.wording()).param("k", version.change().name())
				.param("at", Utc.odt(version.changedAt())).param("by", version.changedBy()).update();
		for (String control : new ArrayList<>(version.controls())) {
			jdbc.sql("insert into compliance_clause_control (clause_id, version, control_id) values (:c, :v, :k)")
					.param("c", version.clauseId()).param("v", version.version()).param("k", control).update();
		}
		return true;
	}
}
