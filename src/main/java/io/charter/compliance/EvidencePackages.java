package io.charter.compliance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.audit.AuditTrail;
import io.charter.compliance.web.PackageRow;
import io.charter.shared.Actors;
import io.charter.shared.RuleViolation;

/**
 * Builds the auditor's evidence packages in the background, one at a time across the cluster (the
 * row's "running" key refuses a second), keeping the progress and then the ZIP in the database so
 * any instance shows it and serves the download.
 */
@Service
class EvidencePackages {

	private static final Logger log = LoggerFactory.getLogger(EvidencePackages.class);

	static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Clauses clauses;
	private final ControlReports reports;
	private final Snapshots snapshots;
	private final AuditTrail audit;
	private final TaskExecutor executor;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final ZoneId zone;

	EvidencePackages(JdbcClient jdbc, Clauses clauses, ControlReports reports, Snapshots snapshots, AuditTrail audit,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, ApplicationEventPublisher events,
			TransactionTemplate tx, Clock clock, @Value(ComplianceSettings.ZONE) ZoneId zone) {
		this.jdbc = jdbc;
		this.clauses = clauses;
		this.reports = reports;
		this.snapshots = snapshots;
		this.audit = audit;
		this.executor = executor;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * Starts a package for the period; refused while another is being built.
	 *
	 * @return the new package's id
	 */
	UUID start(LocalDate from, LocalDate to, String actor) {
		if (from == null || to == null || to.isBefore(from) || from.plusYears(1).plusDays(1).isBefore(to)) {
			throw new RuleViolation("from", "compliance.evidence.error.period", new Object[0]);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		// A build dies with its instance and leaves its row running: after an hour (a year's package
		// takes seconds) it is taken as failed, so that it cannot block every later package.
		jdbc.sql("""
				update compliance_evidence set state = 'FAILED', running = null, finished_at = :now
				where running = 1 and requested_at < :abandoned""").param("now", Timestamp.from(now))
				.param("abandoned", Timestamp.from(now.minus(ABANDONED_AFTER))).update();
		try {
			jdbc.sql("""
					insert into compliance_evidence (id, period_from, period_to, requested_by, requested_at, state,
					  done_files, total_files, running)
					values (:id, :from, :to, :by, :at, 'RUNNING', 0, 0, 1)
					""").param("id", id).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
					.param("by", actor).param("at", Timestamp.from(now)).update();
		}
		catch (DuplicateKeyException busy) {
			throw new RuleViolation(null, "compliance.evidence.error.busy", new Object[0]);
		}
		String by = Actors.current();
		executor.execute(() -> build(id, from, to, by));
		return id;
	}

	void build(UUID id, LocalDate from, LocalDate to, String actor) {
		try {
			var reading = reports.read(to);
			var table = clauses.all(false).stream().map(c -> ClauseStanding.of(c, reading.controls())).toList();
			// The trail up to the period's end (or now, for a period not yet over): the package of a closed
			// period is the same however often it is built, though each build adds an entry to the trail.
			Instant end = earliest(to.plusDays(1).atStartOfDay(zone).toInstant(), clock.instant());
			AuditTrail.ChainAt chain = audit.verifyUntil(end);
			var input = new EvidencePackage.Input(from, to, table, snapshots.between(from, to),
					reports.evidence(reading.controls(), from, to),
					new EvidencePackage.AuditCheck(chain.verification().valid(), chain.verification().entries(), chain.hash()));
			int total = EvidencePackage.files(input);
			EvidencePackage.Built built = EvidencePackage.build(input, done -> jdbc
					.sql("update compliance_evidence set done_files = :done, total_files = :total where id = :id")
					.param("done", done).param("total", total).param("id", id).update());
			String sha = EvidencePackage.sha256(built.zip());
			Instant at = clock.instant();
			// The trail keeps the package's period and hash once its ZIP is removed (EvidenceRetention).
			tx.executeWithoutResult(status -> {
				jdbc.sql("""
						update compliance_evidence set state = 'DONE', running = null, content = :zip, sha256 = :sha,
						  finished_at = :at where id = :id
						""").param("zip", built.zip()).param("sha", sha).param("at", Timestamp.from(at)).param("id", id)
						.update();
				events.publishEvent(new EvidenceEvent.PackageBuilt(id, from, to, total, sha, actor, at));
			});
		}
		catch (RuntimeException e) {
			log.warn("The evidence package {} failed ({})", id, e.getClass().getName());
			jdbc.sql("update compliance_evidence set state = 'FAILED', running = null, finished_at = :at where id = :id")
					.param("at", Timestamp.from(clock.instant())).param("id", id).update();
		}
	}

	/** The latest packages, newest first. */
	List<PackageRow> latest() {
		return jdbc.sql("""
				select id, period_from, period_to, requested_by, requested_at, state, done_files, total_files, sha256
				from compliance_evidence order by requested_at desc, id limit 20
				""").query((rs, n) -> new PackageRow(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
				rs.getDate(3).toLocalDate(), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getInt(7),
				rs.getInt(8), rs.getString(9))).list();
	}

	/** A finished package's ZIP. */
	Optional<byte[]> zip(UUID id) {
		return jdbc.sql("select content from compliance_evidence where id = :id and state = 'DONE'").param("id", id)
				.query((rs, n) -> rs.getBytes(1)).optional();
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
