package io.charter.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.devices.web.ApprovalView;
import io.charter.devices.web.ProhibitionView;
import io.charter.devices.web.UnapprovedView;
import io.charter.platform.Utc;
import io.charter.shared.exemption.ExemptionGrant;
import io.charter.shared.exemption.ExemptionsInForce;

/**
 * The {@code device_software} table (each device's current list), {@code approved_software} (the
 * catalogue) and {@code prohibited_software} (clause S8's list).
 */
@Repository
public class Software {

	/** An installed item as osquery reports it. */
	public record Item(String name, String version, String publisher) {

		/** The key of a device's list: one row per name and version. */
		String key() {
			return name + '\n' + version;
		}
	}

	/** An installed item with its device's platform and when it was first seen there. */
	record Installed(UUID deviceId, UUID ownerId, String platform, String name, String version, String publisher, Instant firstSeenAt,
			Instant lastSeenAt) {
	}

	private final JdbcClient jdbc;

	Software(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the device's list; an item already listed keeps when it was first seen. */
	public void replace(UUID deviceId, List<Item> items, Instant now) {
		Map<String, Instant> firstSeen = new HashMap<>();
		jdbc.sql("select name, version, first_seen_at from device_software where device_id = :d").param("d", deviceId)
				.query(rs -> {
					firstSeen.put(rs.getString("name") + '\n' + rs.getString("version"), Utc.instant(rs, "first_seen_at"));
				});
		jdbc.sql("delete from device_software where device_id = :d").param("d", deviceId).update();
		Map<String, Item> unique = new java.util.LinkedHashMap<>();
		items.forEach(i -> unique.putIfAbsent(i.key(), i));
		for (Item item : unique.values()) {
			jdbc.sql("""
					insert into device_software (device_id, name, version, publisher, first_seen_at, last_seen_at)
					values (:d, :name, :version, :publisher, :first, :now)""").param("d", deviceId).param("name", item.name())
					.param("version", item.version()).param("publisher", item.publisher())
					.param("first", Utc.odt(firstSeen.getOrDefault(item.key(), now))).param("now", Utc.odt(now)).update();
		}
	}

	List<Installed> ofDevice(UUID deviceId) {
		return jdbc.sql(INSTALLED + " where s.device_id = :d order by lower(s.name), s.version").param("d", deviceId)
				.query(Software::installed).list();
	}

	/** Every installed item of the fleet's devices that are not revoked: what the SQL counts are tested against, item by item. */
	List<Installed> all() {
		return jdbc.sql(INSTALLED + " where d.revoked_at is null").query(Software::installed).list();
	}

	private static final String INSTALLED = """
			select s.device_id, d.owner_id, d.platform, s.name, s.version, s.publisher, s.first_seen_at, s.last_seen_at
			from device_software s join device d on d.id = s.device_id""";

	private static Installed installed(ResultSet rs, int row) throws SQLException {
		return new Installed(rs.getObject("device_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("platform"), rs.getString("name"),
				rs.getString("version"), rs.getString("publisher"), Utc.instant(rs, "first_seen_at"),
				Utc.instant(rs, "last_seen_at"));
	}

	/**
	 * The fleet's unapproved software as {@code SoftwareSteps.Rules} decides it, in SQL: one line per
	 * name and platform of the devices not revoked whose item no catalogue entry approves or a
	 * prohibited entry matches; prohibited first, then on most devices, then by name. Only the page
	 * asked for leaves the database. The exemptions in force come from another module, so they enter
	 * as a small list of values ({@link #grants}).
	 */
	List<UnapprovedView> unapproved(ExemptionsInForce inForce, int offset, int limit) {
		return overFindings(inForce, """
				select name, platform, max(prohibited) prohibited, count(distinct device_id) devices,
				  count(distinct case when exempted = 1 then device_id end) exempted, min(first_seen_at) first_seen_at
				from findings group by name, platform
				order by max(prohibited) desc, count(distinct device_id) desc, lower(name), name, platform
				offset :offset rows fetch next :limit rows only""").param("offset", offset).param("limit", limit)
				.query((rs, n) -> new UnapprovedView(rs.getString("name"), rs.getString("platform"),
						rs.getInt("prohibited") == 1, rs.getInt("devices"), rs.getInt("exempted"),
						Utc.instant(rs, "first_seen_at")))
				.list();
	}

	/** How many lines {@link #unapproved} has in all. */
	int unapprovedLines(ExemptionsInForce inForce) {
		return overFindings(inForce, "select count(*) from (select distinct name, platform from findings) lines")
				.query(Integer.class).single();
	}

	/**
	 * The software controls' figures (S6 approved only, S8 nothing prohibited) over the devices not
	 * revoked, counted by the database as {@link #unapproved} matches: the devices that reported their
	 * software, those with a finding of each clause, and of those the ones with a finding no exemption
	 * covers. A prohibited item is a finding of both clauses.
	 */
	record Counts(long reported, long unapproved, long unapprovedUncovered, long prohibited, long prohibitedUncovered) {
	}

	/**
	 * Per device first (whether it has a finding, one not covered, a prohibited one, one of those not
	 * covered), then those devices counted: one pass over the findings rather than a distinct count
	 * of each figure.
	 */
	Counts counts(ExemptionsInForce inForce) {
		return overFindings(inForce, """
				select (select count(*) from device d where d.revoked_at is null
				    and exists (select 1 from device_software s where s.device_id = d.id)) reported,
				  count(*) unapproved, coalesce(sum(uncovered), 0) unapproved_uncovered,
				  coalesce(sum(prohibited), 0) prohibited, coalesce(sum(prohibited_uncovered), 0) prohibited_uncovered
				from (select device_id, max(1 - exempted) uncovered, max(prohibited) prohibited,
				    max(prohibited * (1 - exempted)) prohibited_uncovered
				  from findings group by device_id) per_device""").query((rs, n) -> new Counts(rs.getLong("reported"),
						rs.getLong("unapproved"), rs.getLong("unapproved_uncovered"), rs.getLong("prohibited"),
						rs.getLong("prohibited_uncovered")))
				.single();
	}

	/**
	 * A name matched against an entry's pattern as {@link ApprovalView#approves} does: exact, or a
	 * glob where {@code *} is any characters, case ignored. LIKE's own wildcards in the pattern are
	 * escaped so that only {@code *} is one.
	 */
	private static String glob(String value, String pattern) {
		return "lower(" + value + ") like replace(replace(replace(replace(lower(" + pattern
				+ "), '!', '!!'), '%', '!%'), '_', '!_'), '*', '%') escape '!'";
	}

	/**
	 * The findings (an item not approved, or prohibited whatever the catalogue says), each with its
	 * clause (S8 when prohibited, else S6) and whether an exemption in force covers it: for its clause,
	 * for the whole clause or its item {@code software:<name>}, granted to the organisation, the
	 * device or the person it is assigned to. {@code GRANTS} stands for the grants' select.
	 * <p>
	 * Whether an item is prohibited or approved depends only on its name, publisher and device's
	 * platform, so the patterns are matched once per such kind ({@code judged}: a fleet installs the
	 * same few hundred things on every device) rather than once per installed item (matching every
	 * item against every pattern took seconds for 10,000 devices); each item then takes its kind's
	 * answer by an equality join, a missing platform or publisher matching a missing one.
	 * {@code items} (and {@code installed}, with each item's answers) is every item of the devices not
	 * revoked.
	 */
	private static final String FINDINGS = """
			with granted (clause, item, kind, subject) as (GRANTS),
			items as (
			  select s.device_id, d.owner_id, d.platform, s.name, s.publisher, s.first_seen_at
			  from device_software s join device d on d.id = s.device_id
			  where d.revoked_at is null),
			judged as (
			  select platform, name, publisher,
			    case when exists (select 1 from prohibited_software p where (p.platform is null or p.platform = k.platform)
			      and GLOB_PROHIBITED) then 1 else 0 end prohibited,
			    case when exists (select 1 from approved_software a
			      where (a.platform is null or a.platform = k.platform) and GLOB_APPROVED
			      and (a.publisher is null or GLOB_PUBLISHER)) then 1 else 0 end approved
			  from items k group by platform, name, publisher),
			installed as (
			  select i.device_id, i.owner_id, i.platform, i.name, i.first_seen_at, j.prohibited, j.approved
			  from items i join judged j on j.name = i.name
			    and (j.platform = i.platform or (j.platform is null and i.platform is null))
			    and (j.publisher = i.publisher or (j.publisher is null and i.publisher is null))),
			findings as (
			  select i.device_id, i.name, i.platform, i.prohibited, i.first_seen_at,
			    case when exists (select 1 from granted g
			      where g.clause = case when i.prohibited = 1 then 'PROHIBITED' else 'APPROVED' end
			      and (g.item is null or g.item = concat('software:', lower(i.name)))
			      and (g.kind = 'ORGANISATION' or (g.kind = 'DEVICE' and g.subject = i.device_id)
			        or (g.kind = 'PERSON' and g.subject = i.owner_id))) then 1 else 0 end exempted
			  from installed i
			  where i.prohibited = 1 or i.approved = 0)
			""".replace("GLOB_PROHIBITED", glob("k.name", "p.pattern")).replace("GLOB_APPROVED", glob("k.name", "a.pattern"))
			.replace("GLOB_PUBLISHER", glob("k.publisher", "a.publisher"))
			.replace("'PROHIBITED'", "'" + DeviceControls.PROHIBITED_CLAUSE + "'")
			.replace("'APPROVED'", "'" + DeviceControls.APPROVED_CLAUSE + "'");

	/** A select over {@link #FINDINGS} with the grants in force bound. */
	private JdbcClient.StatementSpec overFindings(ExemptionsInForce inForce, String select) {
		Grants grants = grants(inForce);
		return grants.params(jdbc.sql(FINDINGS.replace("GRANTS", grants.sql()) + select));
	}

	/** The grants in force on their day, of the software clauses, as a select of bound values. */
	private record Grants(List<ExemptionGrant> list) {

		String sql() {
			if (list.isEmpty()) {
				return "select cast(null as varchar(16)), cast(null as varchar(320)), cast(null as varchar(16)), "
						+ "cast(null as uuid) where 1 = 0";
			}
			return "values " + java.util.stream.IntStream.range(0, list.size()).mapToObj(
					n -> "(cast(:c%1$d as varchar(16)), cast(:i%1$d as varchar(320)), cast(:k%1$d as varchar(16)), cast(:s%1$d as uuid))"
							.formatted(n))
					.collect(java.util.stream.Collectors.joining(", "));
		}

		JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec) {
			for (int n = 0; n < list.size(); n++) {
				ExemptionGrant g = list.get(n);
				spec = spec.param("c" + n, g.clause()).param("i" + n, g.check()).param("k" + n, g.subject().kind().name())
						.param("s" + n, g.subject().id());
			}
			return spec;
		}
	}

	private static Grants grants(ExemptionsInForce inForce) {
		return new Grants(inForce.grants().stream()
				.filter(g -> g.clause().equals(DeviceControls.APPROVED_CLAUSE) || g.clause().equals(DeviceControls.PROHIBITED_CLAUSE))
				.filter(g -> g.inForceOn(inForce.day()))
				.toList());
	}

	/** The catalogue, by pattern. */
	List<ApprovalView> catalogue() {
		return jdbc.sql("select * from approved_software order by lower(pattern), platform, publisher")
				.query((rs, n) -> new ApprovalView(rs.getObject("id", UUID.class), rs.getString("pattern"),
						rs.getString("publisher"), rs.getString("platform"), rs.getString("note"),
						Utc.instant(rs, "created_at"), rs.getString("created_by")))
				.list();
	}

	void approve(UUID id, String pattern, String publisher, String platform, String note, String actor, Instant now) {
		jdbc.sql("""
				insert into approved_software (id, pattern, publisher, platform, note, created_at, created_by)
				values (:id, :pattern, :publisher, :platform, :note, :now, :actor)""").param("id", id).param("pattern", pattern)
				.param("publisher", publisher).param("platform", platform).param("note", note).param("now", Utc.odt(now))
				.param("actor", actor).update();
	}

	/** The prohibited-software list (clause S8), by pattern. */
	List<ProhibitionView> prohibitions() {
		return jdbc.sql("select * from prohibited_software order by category, lower(pattern), platform")
				.query((rs, n) -> new ProhibitionView(rs.getObject("id", UUID.class), rs.getString("pattern"),
						rs.getString("platform"), rs.getString("category"), rs.getString("note"),
						Utc.instant(rs, "created_at"), rs.getString("created_by")))
				.list();
	}

	void prohibit(UUID id, String pattern, String platform, String category, String note, String actor, Instant now) {
		jdbc.sql("""
				insert into prohibited_software (id, pattern, platform, category, note, created_at, created_by)
				values (:id, :pattern, :platform, :category, :note, :now, :actor)""").param("id", id).param("pattern", pattern)
				.param("platform", platform).param("category", category).param("note", note).param("now", Utc.odt(now))
				.param("actor", actor).update();
	}

	boolean removeProhibition(UUID id) {
		return jdbc.sql("delete from prohibited_software where id = :id").param("id", id).update() == 1;
	}

	boolean remove(UUID id) {
		return jdbc.sql("delete from approved_software where id = :id").param("id", id).update() == 1;
	}
}
