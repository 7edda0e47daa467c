package io.charter.notify;

import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notify_webhook table. */
@Repository
class WebhookDeliveries {

	/** A delivery as the dispatcher posts it. */
	record Due(UUID id, String endpoint, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String endpoint, String body, Instant now) {
		jdbc.sql("""
				insert into notify_webhook (id, endpoint, body, created_at, attempts, next_attempt_at)
				values (:id, :endpoint, :body, :now, 0, :now)""").param("id", id).param("endpoint", endpoint)
				.param("body", body).param("now", odt(now)).update();
	}

	List<Due> due(Instant now, int limit) {
		return jdbc.sql("""
				select id, endpoint, body, attempts from notify_webhook
				where next_attempt_at <= :now order by next_attempt_at fetch first :limit rows only""")
				.param("now", odt(now)).param("limit", limit)
				.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("endpoint"), rs.getString("body"),
						rs.getInt("attempts")))
				.list();
	}

	void delivered(UUID id, int attempts, Instant now) {
		jdbc.sql("""
				update notify_webhook set attempts = :attempts, delivered_at = :now, next_attempt_at = null,
				  last_error = null where id = :id""").param("id", id).param("attempts", attempts).param("now", odt(now))
				.update();
	}

	/** A failed attempt: tried again at {@code next}, or given up when next is null. */
	void failed(UUID id, int attempts, String error, Instant next, Instant now) {
		jdbc.sql("""
				update notify_webhook set attempts = :attempts, last_error = :error, next_attempt_at = :next,
				  gave_up_at = :gaveUp where id = :id""").param("id", id).param("attempts", attempts)
				.param("error", error.length() > 300 ? error.substring(0, 300) : error)
				.param("next", next == null ? null : odt(next)).param("gaveUp", next == null ? odt(now) : null).update();
	}

	/** Deliveries given up since this instant, for the administrators' attention. */
	int gaveUpSince(Instant since) {
		return jdbc.sql("select count(*) from notify_webhook where gave_up_at >= :since").param("since", odt(since))
				.query(Integer.class).single();
	}

	/** Delivered and given-up deliveries created before this instant. */
	int purgeBefore(Instant before) {
		return jdbc.sql("delete from notify_webhook where next_attempt_at is null and created_at < :before")
				.param("before", odt(before)).update();
	}
}
