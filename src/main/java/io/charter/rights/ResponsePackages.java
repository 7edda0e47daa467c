package io.charter.rights;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.platform.LinkState;
import io.charter.rights.web.PackageRecord;

/** The rights_package table: zipped response packages behind an expiring download link. */
@Repository
public class ResponsePackages {

	/** A package as its download link finds it. */
	public record Stored(UUID id, UUID requestId, Instant createdAt, Instant expiresAt, long size, String sha256,
			String inventory, int downloads) {
	}

	private final JdbcClient jdbc;

	ResponsePackages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID requestId, String tokenHash, Instant now, Instant expires, byte[] content, String sha256,
			String inventory) {
		jdbc.sql("""
				insert into rights_package (id, request_id, token_hash, created_at, expires_at, content, size_bytes, sha256,
				  inventory, downloads)
				values (:id, :request, :hash, :now, :expires, :content, :size, :sha, :inventory, 0)""")
				.param("id", id).param("request", requestId).param("hash", tokenHash).param("now", odt(now))
				.param("expires", odt(expires)).param("content", content).param("size", (long) content.length)
				.param("sha", sha256).param("inventory", inventory.length() > 4000 ? inventory.substring(0, 4000) : inventory)
				.update();
	}

	/** A package whose link is valid and whose content is still there. */
	public Optional<Stored> findUsable(String tokenHash, Instant now) {
		return jdbc.sql("""
				select id, request_id, created_at, expires_at, size_bytes, sha256, inventory, downloads from rights_package
				where token_hash = :hash and expires_at > :now and content is not null""")
				.param("hash", tokenHash).param("now", odt(now)).query((rs, n) -> new Stored(rs.getObject("id", UUID.class),
						rs.getObject("request_id", UUID.class), instant(rs, "created_at"), instant(rs, "expires_at"),
						rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("inventory"), rs.getInt("downloads")))
				.optional();
	}

	/**
	 * What became of the download links among these hashes: live while the package can be
	 * downloaded (a download link works until it expires, not once), expired after; others are left out.
	 */
	public Map<String, LinkState> states(Set<String> hashes, Instant now) {
		Map<String, LinkState> states = new HashMap<>();
		if (!hashes.isEmpty()) {
			jdbc.sql("""
					select token_hash, expires_at > :now and content is not null as live from rights_package
					where token_hash in (:hashes)""").param("hashes", hashes).param("now", odt(now))
					.query(rs -> {
						states.put(rs.getString("token_hash"), rs.getBoolean("live") ? LinkState.LIVE
								: LinkState.EXPIRED);
					});
		}
		return states;
	}

	public byte[] content(UUID id) {
		return jdbc.sql("select content from rights_package where id = :id").param("id", id).query(byte[].class).single();
	}

	public void recordDownload(UUID id, Instant now) {
		jdbc.sql("""
				update rights_package set downloads = downloads + 1,
				  first_downloaded_at = coalesce(first_downloaded_at, :now) where id = :id""")
				.param("id", id).param("now", odt(now)).update();
	}

	public List<PackageRecord> of(UUID requestId) {
		return jdbc.sql("""
				select created_at, expires_at, size_bytes, sha256, inventory, downloads, first_downloaded_at,
				  content is not null as available
				from rights_package where request_id = :id order by created_at""").param("id", requestId)
				.query((rs, n) -> new PackageRecord(instant(rs, "created_at"), instant(rs, "expires_at"),
						rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("inventory"), rs.getInt("downloads"),
						instant(rs, "first_downloaded_at"), rs.getBoolean("available")))
				.list();
	}

	/** Deletes the content of packages whose link expired; the hash and inventory stay as proof. */
	public int purgeExpired(Instant now) {
		return jdbc.sql("update rights_package set content = null where expires_at <= :now and content is not null")
				.param("now", odt(now)).update();
	}

	/** No more downloads: e.g. the request was withdrawn. */
	public void expireAll(UUID requestId, Instant now) {
		jdbc.sql("update rights_package set expires_at = :now, content = null where request_id = :id and expires_at > :now")
				.param("id", requestId).param("now", odt(now)).update();
	}
}
