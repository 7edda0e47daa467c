package io.charter.consent;

import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads published declaration versions. Versions are immutable, so they are cached per instance
 * without expiry; which version is current is cached only briefly, so a publication reaches every
 * instance within seconds.
 */
@Repository
class DeclarationVersions {

	/** One line of a site's change log. */
	record Change(int version, java.time.Instant publishedAt, boolean material, java.util.Map<String, String> summary) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Cache<String, Declaration> versions = Caffeine.newBuilder().maximumSize(1_000).build();
	private final Cache<String, Optional<Integer>> currentVersion = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofSeconds(5)).maximumSize(1_000).build();

	DeclarationVersions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The latest published version of a site; empty when the site is unknown or never published. */
	Optional<Declaration> current(String siteKey) {
		return currentVersion.get(siteKey, key -> jdbc.sql("""
				select max(v.version) from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :site""").param("site", key).query(Integer.class).optional())
				.flatMap(v -> version(siteKey, v));
	}

	Optional<Declaration> version(String siteKey, int version) {
		Declaration cached = versions.getIfPresent(siteKey + "#" + version);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Declaration> loaded = jdbc.sql("""
				select v.snapshot from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :site and v.version = :version""").param("site", siteKey).param("version", version)
				.query(String.class).optional().map(snapshot -> json.readValue(snapshot, Declaration.class));
		loaded.ifPresent(d -> versions.put(siteKey + "#" + version, d));
		return loaded;
	}

	/** Every published version of a site, newest first, for the change log at the top of the declaration. */
	List<Change> history(String siteKey) {
		return jdbc.sql("""
				select v.version, v.published_at, v.material, v.summary_fr, v.summary_nl, v.summary_en
				from declaration_version v join consent_site s on s.id = v.site_id
				where s.site_key = :site order by v.version desc""").param("site", siteKey)
				.query((rs, n) -> new Change(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getBoolean(3), java.util.Map.of("fr", rs.getString(4), "nl", rs.getString(5), "en", rs.getString(6))))
				.list();
	}

	/** After a publication on this instance: the next read sees it at once. */
	void forgetCurrent(String siteKey) {
		currentVersion.invalidate(siteKey);
	}
}
