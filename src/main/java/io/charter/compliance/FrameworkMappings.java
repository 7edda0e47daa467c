package io.charter.compliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ISO/IEC 27001:2022 Annex A catalogue and each clause's mapping to its controls and to the
 * GDPR / ePrivacy articles it serves. Only the current mapping is kept: the audit trail keeps every
 * change.
 */
@Repository
class FrameworkMappings {

	/** One control of Annex A, such as {@code A.7.7} "Clear desk and clear screen". */
	record AnnexControl(String id, String title) {
	}

	/** What a clause serves: Annex A controls in the standard's order, articles as typed. */
	record Mapping(List<String> annex, List<String> articles) {

		static final Mapping NONE = new Mapping(List.of(), List.of());
	}

	private final JdbcClient jdbc;

	FrameworkMappings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The whole catalogue, in the standard's order. */
	List<AnnexControl> annex() {
		return jdbc.sql("select id, title from compliance_annex_control order by sort_order")
				.query((rs, n) -> new AnnexControl(rs.getString("id"), rs.getString("title"))).list();
	}

	Mapping of(String clauseId) {
		return all().getOrDefault(clauseId, Mapping.NONE);
	}

	/** Every clause's mapping, retired clauses too (the caller keeps the live ones). */
	Map<String, Mapping> all() {
		Map<String, List<String>> annex = new TreeMap<>();
		jdbc.sql("""
				select m.clause_id, m.control_id from compliance_clause_annex m
				join compliance_annex_control a on a.id = m.control_id
				order by a.sort_order
				""").query(rs -> {
			annex.computeIfAbsent(rs.getString("clause_id"), c -> new ArrayList<>()).add(rs.getString("control_id"));
		});
		Map<String, List<String>> articles = new TreeMap<>();
		jdbc.sql("select clause_id, article from compliance_clause_article order by article").query(rs -> {
			articles.computeIfAbsent(rs.getString("clause_id"), c -> new ArrayList<>()).add(rs.getString("article"));
		});
		Map<String, Mapping> mappings = new LinkedHashMap<>();
		for (String clause : union(annex.keySet(), articles.keySet())) {
			mappings.put(clause, new Mapping(List.copyOf(annex.getOrDefault(clause, List.of())),
					List.copyOf(articles.getOrDefault(clause, List.of()))));
		}
		return mappings;
	}

	/** Replaces a clause's mapping with these controls (all in the catalogue) and articles. */
	void replace(String clauseId, Collection<String> annex, Collection<String> articles) {
		jdbc.sql("delete from compliance_clause_annex where clause_id = :c").param("c", clauseId).update();
		jdbc.sql("delete from compliance_clause_article where clause_id = :c").param("c", clauseId).update();
		for (String control : annex) {
			jdbc.sql("insert into compliance_clause_annex (clause_id, control_id) values (:c, :a)")
					.param("c", clauseId).param("a", control).update();
		}
		for (String article : articles) {
			jdbc.sql("insert into compliance_clause_article (clause_id, article) values (:c, :a)")
					.param("c", clauseId).param("a", article).update();
		}
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new java.util.TreeSet<>(a);
		all.addAll(b);
		return all;
	}
}
