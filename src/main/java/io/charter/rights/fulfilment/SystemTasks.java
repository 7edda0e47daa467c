package io.charter.rights.fulfilment;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.rights.web.SystemTask;

/** The rights_system_task table. */
@Repository
class SystemTasks {

	record Due(UUID id, UUID requestId, String system, int attempts) {
	}

	private final JdbcClient jdbc;

	SystemTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new task; false when the system already has one for the request. */
	boolean insert(UUID requestId, String system, Instant now) {
		return jdbc.sql("""
				insert into rights_system_task (id, request_id, system, status, attempts, next_attempt_at, created_at)
				values (:id, :request, :system, 'PENDING', 0, :now, :now) on conflict do nothing""")
				.param("id", UUID.randomUUID()).param("request", requestId).param("system", system)
				.param("now", odt(now)).update() == 1;
	}

	List<Due> due(Instant now, int limit) {
		return jdbc.sql("""
				select id, request_id, system, attempts from rights_system_task
				where status = 'PENDING' and next_attempt_at <= :now order by next_attempt_at limit :limit""")
				.param("now", odt(now)).param("limit", limit)
				.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
						rs.getString("system"), rs.getInt("attempts")))
				.list();
	}

	/**
	 * Takes a due task for this instance until {@code lease}: another instance (or run) sees it as
	 * not due. If this instance dies while sending, the task is due again when the lease ends.
	 */
	boolean claim(UUID id, Instant now, Instant lease) {
		return jdbc.sql("""
				update rights_system_task set next_attempt_at = :lease
				where id = :id and status = 'PENDING' and next_attempt_at <= :now""")
				.param("id", id).param("now", odt(now)).param("lease", odt(lease)).update() == 1;
	}

	void delivered(UUID id, int attempts, Instant at) {
		jdbc.sql("""
				update rights_system_task set status = 'DELIVERED', attempts = :attempts, delivered_at = :at,
				  next_attempt_at = null, last_error = null where id = :id""")
				.param("id", id).param("attempts", attempts).param("at", odt(at)).update();
	}

	void failedAttempt(UUID id, int attempts, String error, Instant next) {
		jdbc.sql("""
				update rights_system_task set status = :status, attempts = :attempts, last_error = :error,
				  next_attempt_at = :next where id = :id""")
				.param("id", id).param("status", next == null ? "FAILED" : "PENDING").param("attempts", attempts)
				.param("error", error.length() > 500 ? error.substring(0, 500) : error).param("next", odt(next)).update();
	}

	/** The system's report; false when the task does not wait for one. */
	boolean reported(UUID id, boolean done, String report, Instant at) {
		return jdbc.sql("""
				update rights_system_task set status = :status, reported_at = :at, report = :report, next_attempt_at = null
				where id = :id and status in ('PENDING', 'DELIVERED', 'FAILED', 'REPORTED_FAILED')""")
				.param("id", id).param("status", done ? "DONE" : "REPORTED_FAILED").param("at", odt(at))
				.param("report", report.length() > 2000 ? report.substring(0, 2000) : report).update() == 1;
	}

	void retry(UUID requestId, String system, Instant now) {
		jdbc.sql("""
				update rights_system_task set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null
				where request_id = :request and system = :system and status in ('FAILED', 'REPORTED_FAILED')""")
				.param("request", requestId).param("system", system).param("now", odt(now)).update();
	}

	/** Closes the system's task without its report; false when it already reported DONE. */
	boolean override(UUID requestId, String system, String reason, Instant now) {
		insert(requestId, system, now);
		return jdbc.sql("""
				update rights_system_task set status = 'OVERRIDDEN', report = :reason, reported_at = :now, next_attempt_at = null
				where request_id = :request and system = :system and status <> 'DONE'""")
				.param("request", requestId).param("system", system).param("reason", reason).param("now", odt(now))
				.update() > 0;
	}

	/** The art. 15(1) information a system sent with its data, as JSON. */
	void information(UUID id, String json) {
		jdbc.sql("update rights_system_task set information = :info where id = :id").param("id", id).param("info", json)
				.update();
	}

	/** Per system of a request, the information it sent, if any. */
	java.util.Map<String, String> informationOf(UUID requestId) {
		java.util.Map<String, String> out = new java.util.HashMap<>();
		jdbc.sql("select system, information from rights_system_task where request_id = :id and information is not null")
				.param("id", requestId).query(rs -> {
					out.put(rs.getString("system"), rs.getString("information"));
				});
		return out;
	}

	Optional<UUID> requestOf(UUID taskId) {
		return jdbc.sql("select request_id from rights_system_task where id = :id").param("id", taskId).query(UUID.class)
				.optional();
	}

	Optional<String> systemOf(UUID taskId) {
		return jdbc.sql("select system from rights_system_task where id = :id").param("id", taskId).query(String.class)
				.optional();
	}

	List<SystemTask> of(UUID requestId) {
		return jdbc.sql("""
				select system, status, attempts, next_attempt_at, last_error, delivered_at, reported_at, report
				from rights_system_task where request_id = :id order by system""").param("id", requestId)
				.query((rs, n) -> new SystemTask(rs.getString("system"), rs.getString("status"), rs.getInt("attempts"),
						instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "delivered_at"),
						instant(rs, "reported_at"), rs.getString("report")))
				.list();
	}
}
