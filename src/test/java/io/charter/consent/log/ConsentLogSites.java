package io.charter.consent.log;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import io.charter.consent.Declaration;

/**
 * Test sites for the consent log, made directly in SQL: a site with a unique key and published
 * declaration versions whose snapshot is the application's JSON of a {@link Declaration}.
 */
public final class ConsentLogSites {

	static final String ORIGIN = "https://www.wegroup.test";
	static final String OTHER_ORIGIN = "https://shop.wegroup.test";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	public ConsentLogSites(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public static Declaration.Category category(String key, boolean necessary, boolean refuseOnGpc) {
		Map<String, String> text = Map.of("fr", key, "nl", key, "en", key);
		return new Declaration.Category(key, necessary, refuseOnGpc, List.of(), text, text);
	}

	/** necessary, analytics, and tracking (refused under GPC): the seed's categories. */
	static List<Declaration.Category> seedCategories() {
		return List.of(category("necessary", true, false), category("analytics", false, false),
				category("tracking", false, true));
	}

	/** A new site with version 1 published (the seed's categories), allowed from two origins. */
	public String site() {
		String key = "log-" + UUID.randomUUID().toString().substring(0, 12);
		jdbc.sql("""
				insert into consent_site (id, site_key, name, origins, languages, default_language, consent_lifetime_days,
				  refusal_lifetime_days, wait_for_update_ms, created_at)
				values (:id, :key, 'Test site', :origins, 'fr,nl,en', 'fr', 180, 90, 500, :at)""")
				.param("id", UUID.randomUUID()).param("key", key).param("origins", ORIGIN + "\n" + OTHER_ORIGIN)
				.param("at", Instant.now().atOffset(ZoneOffset.UTC)).update();
		publish(key, 1, seedCategories());
		return key;
	}

	public void publish(String siteKey, int version, List<Declaration.Category> categories) {
		Declaration declaration = new Declaration(siteKey, version, Instant.now(), true, version,
				new Declaration.Site("Test site", List.of(ORIGIN, OTHER_ORIGIN), List.of("fr", "nl", "en"), "fr", 180, 90,
						500, List.of()),
				categories, List.of(), Map.of("fr", Map.of("title", "Cookies")), Map.of("fr", "v" + version));
		String snapshot = json.writeValueAsString(declaration);
		UUID siteId = jdbc.sql("select id from consent_site where site_key = :key").param("key", siteKey)
				.query(UUID.class).single();
		jdbc.sql("""
				insert into declaration_version (id, site_id, version, published_at, published_by, material,
				  material_version, summary_fr, summary_nl, summary_en, snapshot, snapshot_hash)
				values (:id, :site, :version, :at, 'test', true, :version, 's', 's', 's', :snapshot, :hash)""")
				.param("id", UUID.randomUUID()).param("site", siteId).param("version", version)
				.param("at", Instant.now().atOffset(ZoneOffset.UTC)).param("snapshot", snapshot)
				.param("hash", sha256(snapshot)).update();
	}

	long records(String siteKey) {
		return jdbc.sql("""
				select count(*) from consent_record r join consent_site s on s.id = r.site_id where s.site_key = :key""")
				.param("key", siteKey).query(Long.class).single();
	}

	public static String visitor() {
		return "v" + UUID.randomUUID().toString().replace("-", "");
	}

	/** A valid body for version 1 of {@link #site()}: analytics granted, tracking refused. */
	static String body(String visitorId) {
		return """
				{"visitorId":"%s","version":1,"method":"CUSTOM","choices":{"analytics":true,"tracking":false},\
				"language":"fr","pageUrl":"https://www.wegroup.test/fr/contact?utm_source=mail&email=a@b.test#form"}"""
				.formatted(visitorId);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes("UTF-8")));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
