package io.charter.rights;

import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rights_letter table: which outbox messages are the letters of a request. */
@Repository
class RequestLetters {

	private final JdbcClient jdbc;

	RequestLetters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID messageId, UUID requestId, String template, Instant at) {
		jdbc.sql("insert into rights_letter (message_id, request_id, template, at) values (:message, :request, :template, :at)")
				.param("message", messageId).param("request", requestId).param("template", template).param("at", odt(at))
				.update();
	}

	/** The letters put in the outbox since then, of every request. */
	List<UUID> since(Instant since) {
		return jdbc.sql("select message_id from rights_letter where at >= :since").param("since", odt(since))
				.query(UUID.class).list();
	}

	List<UUID> of(UUID requestId) {
		return jdbc.sql("select message_id from rights_letter where request_id = :id order by at")
				.param("id", requestId).query(UUID.class).list();
	}
}
