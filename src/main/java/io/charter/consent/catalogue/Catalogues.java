package io.charter.consent.catalogue;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.consent.CatalogueRules;
import io.charter.consent.web.Catalogue;
import io.charter.consent.web.VersionSummary;


/**
 * The draft catalogue tables (sites, categories, services, cookies, banner texts) and the rows of
 * published versions. Texts per language are columns {@code <name>_fr}, {@code _nl}, {@code _en}.
 */
@Repository
class Catalogues {

	private final JdbcClient jdbc;

	Catalogues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// --- sites

	List<Catalogue.Site> sites() {
		return jdbc.sql("select * from consent_site order by site_key").query(this::mapSite).list();
	}

	Optional<Catalogue.Site> site(String key) {
		return jdbc.sql("select * from consent_site where site_key = :key").param("key", key).query(this::mapSite)
				.optional();
	}

	/** A site's cookies marked to be confirmed in its draft. */
	record Unconfirmed(String siteKey, String siteName, int cookies) {
	}

	/** The sites with cookies to be confirmed in their draft, by site key. */
	List<Unconfirmed> unconfirmed() {
		return jdbc.sql("""
				select s.site_key, s.name, count(*) as cookies from consent_cookie c
				join consent_service v on v.id = c.service_id join consent_site s on s.id = v.site_id
				where c.to_be_confirmed group by s.site_key, s.name order by s.site_key
				""").query((rs, n) -> new Unconfirmed(rs.getString("site_key"), rs.getString("name"), rs.getInt("cookies")))
				.list();
	}

	/** Locks the site's row until the transaction ends, so two publications of one site take turns. */
	Optional<UUID> lockSite(String key) {
		return jdbc.sql("select id from consent_site where site_key = :key for update").param("key", key)
				.query(UUID.class).optional();
	}

	void insertSite(Catalogue.Site s, Instant createdAt) {
		jdbc.sql("""
				insert into consent_site (id, site_key, name, origins, languages, default_language, consent_lifetime_days,
				  refusal_lifetime_days, wait_for_update_ms, public_websites, created_at)
				values (:id, :key, :name, :origins, :languages, :defaultLanguage, :consent, :refusal, :wait, :websites,
				  :created)""")
				.param("id", s.id()).param("key", s.key()).params(siteParams(s)).param("created", odt(createdAt))
				.update();
	}

	void updateSite(Catalogue.Site s) {
		jdbc.sql("""
				update consent_site set name = :name, origins = :origins, languages = :languages,
				  default_language = :defaultLanguage, consent_lifetime_days = :consent, refusal_lifetime_days = :refusal,
				  wait_for_update_ms = :wait, public_websites = :websites, revision = revision + 1
				where id = :id""").param("id", s.id()).params(siteParams(s)).update();
	}

	/** Counts a save of the site's banner texts as a new revision of the site. */
	void revised(UUID siteId) {
		jdbc.sql("update consent_site set revision = revision + 1 where id = :id").param("id", siteId).update();
	}

	private static Map<String, Object> siteParams(Catalogue.Site s) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", s.name());
		p.put("origins", String.join("\n", s.origins()));
		p.put("languages", String.join(",", s.languages()));
		p.put("defaultLanguage", s.defaultLanguage());
		p.put("consent", s.consentLifetimeDays());
		p.put("refusal", s.refusalLifetimeDays());
		p.put("wait", s.waitForUpdateMs());
		p.put("websites", String.join("\n", s.publicWebsites()));
		return p;
	}

	private Catalogue.Site mapSite(ResultSet rs, int row) throws SQLException {
		String origins = rs.getString("origins");
		String websites = rs.getString("public_websites");
		return new Catalogue.Site(rs.getObject("id", UUID.class), rs.getString("site_key"), rs.getString("name"),
				origins == null || origins.isBlank() ? List.of() : List.of(origins.split("\n")),
				List.of(rs.getString("languages").split(",")), rs.getString("default_language"),
				rs.getInt("consent_lifetime_days"), rs.getInt("refusal_lifetime_days"), rs.getInt("wait_for_update_ms"),
				websites == null || websites.isBlank() ? List.of() : List.of(websites.split("\n")), rs.getInt("revision"));
	}

	// --- categories

	List<Catalogue.Category> categories(UUID siteId) {
		return jdbc.sql("select * from consent_category where site_id = :site order by position, category_key")
				.param("site", siteId)
				.query((rs, n) -> new Catalogue.Category(rs.getString("category_key"), rs.getInt("position"),
						rs.getBoolean("necessary"), rs.getBoolean("refuse_on_gpc"), csv(rs.getString("gcm_types")),
						texts(rs, "name"), texts(rs, "description")))
				.list();
	}

	void insertCategory(UUID siteId, Catalogue.Category c) {
		jdbc.sql("""
				insert into consent_category (id, site_id, category_key, position, necessary, refuse_on_gpc, gcm_types,
				  name_fr, name_nl, name_en, description_fr, description_nl, description_en)
				values (:id, :site, :key, :position, :necessary, :gpc, :gcm, :name_fr, :name_nl, :name_en,
				  :description_fr, :description_nl, :description_en)""")
				.param("id", UUID.randomUUID()).param("site", siteId).param("key", c.key())
				.param("necessary", c.necessary()).params(categoryParams(c)).update();
	}

	void updateCategory(UUID siteId, Catalogue.Category c) {
		jdbc.sql("""
				update consent_category set position = :position, refuse_on_gpc = :gpc, gcm_types = :gcm,
				  name_fr = :name_fr, name_nl = :name_nl, name_en = :name_en, description_fr = :description_fr,
				  description_nl = :description_nl, description_en = :description_en
				where site_id = :site and category_key = :key""")
				.param("site", siteId).param("key", c.key()).params(categoryParams(c)).update();
	}

	private static Map<String, Object> categoryParams(Catalogue.Category c) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("position", c.position());
		p.put("gpc", c.refuseOnGpc());
		p.put("gcm", String.join(",", c.gcmTypes()));
		textParams(p, "name", c.name());
		textParams(p, "description", c.description());
		return p;
	}

	void deleteCategory(UUID siteId, String key) {
		jdbc.sql("delete from consent_category where site_id = :site and category_key = :key").param("site", siteId)
				.param("key", key).update();
	}

	// --- services and cookies

	List<Catalogue.Service> services(UUID siteId) {
		Map<UUID, List<Catalogue.Cookie>> cookies = new LinkedHashMap<>();
		jdbc.sql("""
				select c.* from consent_cookie c join consent_service s on s.id = c.service_id
				where s.site_id = :site order by c.name""").param("site", siteId).query(rs -> {
			cookies.computeIfAbsent(rs.getObject("service_id", UUID.class), k -> new ArrayList<>()).add(cookie(rs));
		});
		return jdbc.sql("select * from consent_service where site_id = :site order by service_key")
				.param("site", siteId)
				.query((rs, n) -> new Catalogue.Service(rs.getString("service_key"), rs.getString("name"),
						rs.getString("provider"), rs.getString("category_key"), rs.getBoolean("third_party"),
						rs.getString("privacy_url"), texts(rs, "description"),
						List.copyOf(cookies.getOrDefault(rs.getObject("id", UUID.class), List.of()))))
				.list();
	}

	private Catalogue.Cookie cookie(ResultSet rs) throws SQLException {
		return new Catalogue.Cookie(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("domain"),
				rs.getBoolean("third_party"), rs.getObject("retention_days", Integer.class), texts(rs, "retention_text"),
				texts(rs, "purpose"), rs.getBoolean("to_be_confirmed"), rs.getString("note"));
	}

	Optional<UUID> serviceId(UUID siteId, String key) {
		return jdbc.sql("select id from consent_service where site_id = :site and service_key = :key")
				.param("site", siteId).param("key", key).query(UUID.class).optional();
	}

	void insertService(UUID siteId, Catalogue.Service s) {
		jdbc.sql("""
				insert into consent_service (id, site_id, service_key, name, provider, category_key, third_party,
				  privacy_url, description_fr, description_nl, description_en)
				values (:id, :site, :key, :name, :provider, :category, :third, :privacy, :description_fr,
				  :description_nl, :description_en)""")
				.param("id", UUID.randomUUID()).param("site", siteId).param("key", s.key()).params(serviceParams(s))
				.update();
	}

	void updateService(UUID siteId, Catalogue.Service s) {
		jdbc.sql("""
				update consent_service set name = :name, provider = :provider, category_key = :category,
				  third_party = :third, privacy_url = :privacy, description_fr = :description_fr,
				  description_nl = :description_nl, description_en = :description_en
				where site_id = :site and service_key = :key""")
				.param("site", siteId).param("key", s.key()).params(serviceParams(s)).update();
	}

	private static Map<String, Object> serviceParams(Catalogue.Service s) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", s.name());
		p.put("provider", s.provider());
		p.put("category", s.category());
		p.put("third", s.thirdParty());
		p.put("privacy", s.privacyUrl());
		textParams(p, "description", s.description());
		return p;
	}

	void deleteService(UUID serviceId) {
		jdbc.sql("delete from consent_cookie where service_id = :id").param("id", serviceId).update();
		jdbc.sql("delete from consent_service where id = :id").param("id", serviceId).update();
	}

	void insertCookie(UUID serviceId, Catalogue.Cookie c) {
		jdbc.sql("""
				insert into consent_cookie (id, service_id, name, is_pattern, domain, third_party, retention_days,
				  retention_text_fr, retention_text_nl, retention_text_en, purpose_fr, purpose_nl, purpose_en,
				  to_be_confirmed, note)
				values (:id, :service, :name, :pattern, :domain, :third, :days, :retention_text_fr, :retention_text_nl,
				  :retention_text_en, :purpose_fr, :purpose_nl, :purpose_en, :tbc, :note)""")
				.param("id", c.id()).param("service", serviceId).params(cookieParams(c)).update();
	}

	/** Updates a cookie of the given service; false when it has no such cookie. */
	boolean updateCookie(UUID serviceId, Catalogue.Cookie c) {
		return jdbc.sql("""
				update consent_cookie set name = :name, is_pattern = :pattern, domain = :domain, third_party = :third,
				  retention_days = :days, retention_text_fr = :retention_text_fr, retention_text_nl = :retention_text_nl,
				  retention_text_en = :retention_text_en, purpose_fr = :purpose_fr, purpose_nl = :purpose_nl,
				  purpose_en = :purpose_en, to_be_confirmed = :tbc, note = :note
				where id = :id and service_id = :service""")
				.param("id", c.id()).param("service", serviceId).params(cookieParams(c)).update() == 1;
	}

	private static Map<String, Object> cookieParams(Catalogue.Cookie c) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", c.name());
		p.put("pattern", c.pattern());
		p.put("domain", c.domain());
		p.put("third", c.thirdParty());
		p.put("days", c.retentionDays());
		textParams(p, "retention_text", c.retention());
		textParams(p, "purpose", c.purpose());
		p.put("tbc", c.toBeConfirmed());
		p.put("note", c.note());
		return p;
	}

	/** Marks a cookie of the given service confirmed, by whom and when; false when it has no such cookie. */
	boolean confirmCookie(UUID serviceId, UUID cookieId, String by, Instant at) {
		return jdbc.sql("""
				update consent_cookie set to_be_confirmed = false, confirmed_by = :by, confirmed_at = :at
				where id = :id and service_id = :service""").param("id", cookieId).param("service", serviceId)
				.param("by", by).param("at", odt(at)).update() == 1;
	}

	boolean deleteCookie(UUID serviceId, UUID cookieId) {
		return jdbc.sql("delete from consent_cookie where id = :id and service_id = :service").param("id", cookieId)
				.param("service", serviceId).update() == 1;
	}

	// --- banner texts

	Map<String, Map<String, String>> bannerTexts(UUID siteId) {
		Map<String, Map<String, String>> texts = new LinkedHashMap<>();
		jdbc.sql("select language, text_key, text from consent_banner_text where site_id = :site order by language, text_key")
				.param("site", siteId).query(rs -> {
					texts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
				});
		return texts;
	}

	void putBannerText(UUID siteId, String language, String key, String text) {
		jdbc.sql("delete from consent_banner_text where site_id = :site and language = :lang and text_key = :key")
				.param("site", siteId).param("lang", language).param("key", key).update();
		jdbc.sql("insert into consent_banner_text (site_id, language, text_key, text) values (:site, :lang, :key, :text)")
				.param("site", siteId).param("lang", language).param("key", key).param("text", text).update();
	}

	// --- published versions

	Optional<Integer> latestVersion(UUID siteId) {
		return jdbc.sql("select max(version) from declaration_version where site_id = :site").param("site", siteId)
				.query(Integer.class).optional();
	}

	List<VersionSummary> versions(UUID siteId) {
		return jdbc.sql("""
				select version, published_at, published_by, material, material_version, summary_fr, summary_nl, summary_en
				from declaration_version where site_id = :site order by version desc""").param("site", siteId)
				.query((rs, n) -> new VersionSummary(rs.getInt(1), instant(rs, 2),
						rs.getString(3), rs.getBoolean(4), rs.getInt(5), texts(rs, "summary")))
				.list();
	}

	void insertVersion(UUID siteId, int version, Instant publishedAt, String publishedBy, boolean material,
			int materialVersion, Map<String, String> summary, String snapshot, String snapshotHash) {
		jdbc.sql("""
				insert into declaration_version (id, site_id, version, published_at, published_by, material,
				  material_version, summary_fr, summary_nl, summary_en, snapshot, snapshot_hash)
				values (:id, :site, :version, :at, :by, :material, :materialVersion, :fr, :nl, :en, :snapshot, :hash)""")
				.param("id", UUID.randomUUID()).param("site", siteId).param("version", version)
				.param("at", odt(publishedAt)).param("by", publishedBy).param("material", material)
				.param("materialVersion", materialVersion).param("fr", summary.getOrDefault("fr", ""))
				.param("nl", summary.getOrDefault("nl", "")).param("en", summary.getOrDefault("en", ""))
				.param("snapshot", snapshot).param("hash", snapshotHash).update();
	}

	// --- helpers

	private static Map<String, String> texts(ResultSet rs, String column) throws SQLException {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String language : CatalogueRules.LANGUAGES) {
			String value = rs.getString(column + "_" + language);
			if (value != null && !value.isEmpty()) {
				texts.put(language, value);
			}
		}
		return texts;
	}

	private static void textParams(Map<String, Object> params, String column, Map<String, String> texts) {
		for (String language : CatalogueRules.LANGUAGES) {
			String value = texts == null ? null : texts.get(language);
			params.put(column + "_" + language, value == null || value.isBlank() ? null : value);
		}
	}

	private static List<String> csv(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
	}
}
