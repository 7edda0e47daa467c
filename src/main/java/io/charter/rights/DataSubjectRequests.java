package io.charter.rights;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rights_request table: load and save {@link DataSubjectRequest}s, with optimistic locking. */
@Repository
public class DataSubjectRequests {

	private final JdbcClient jdbc;

	DataSubjectRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<DataSubjectRequest> findById(UUID id) {
		return jdbc.sql("select * from rights_request where id = :id").param("id", id).query(this::map).optional();
	}

	/** Every request made from an address (not yet anonymised), the latest first. */
	List<DataSubjectRequest> byEmail(String email) {
		return jdbc.sql("select * from rights_request where email = :email order by received_at desc")
				.param("email", email).query(this::map).list();
	}

	/** Requests from the form for an address since a time that sent a verification link (see {@link RequestChanges}). */
	int formLinksSentTo(String email, Instant since) {
		return jdbc.sql("""
				select count(*) from rights_request r
				where r.email = :email and r.channel = :form and r.received_at >= :since
				  and not exists (select 1 from rights_step s where s.request_id = r.id and s.kind = :withheld)""")
				.param("email", email).param("form", Channel.FORM.name()).param("since", odt(since))
				.param("withheld", DataSubjectRequest.VERIFICATION_WITHHELD).query(Integer.class).single();
	}

	/** Open requests, the most urgent first. */
	public List<DataSubjectRequest> open() {
		return jdbc.sql("""
				select * from rights_request
				where status not in (:closed)
				order by due_on, received_at""").param("closed", RequestStatus.CLOSED).query(this::map).list();
	}

	/** How many open requests whose clock runs fall due from {@code from} to {@code to}, both included. */
	public int runningDueBetween(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select count(*) from rights_request
				where status not in (:closed) and status <> 'WAITING_FOR_REQUESTER' and due_on between :from and :to""")
				.param("closed", RequestStatus.CLOSED).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
				.query(Integer.class).single();
	}

	/** Closed requests, the latest first. */
	public List<DataSubjectRequest> closed(int limit) {
		return jdbc.sql("""
				select * from rights_request
				where status in (:closed)
				order by closed_at desc limit :limit""").param("closed", RequestStatus.CLOSED).param("limit", limit)
				.query(this::map).list();
	}

	/** Open requests whose clock runs and whose due date is at most {@code horizon}: candidates for reminders. */
	List<DataSubjectRequest> runningDueBy(LocalDate horizon) {
		return jdbc.sql("""
				select * from rights_request
				where status not in (:closed) and status <> 'WAITING_FOR_REQUESTER' and due_on <= :horizon
				order by due_on""").param("closed", RequestStatus.CLOSED).param("horizon", Date.valueOf(horizon))
				.query(this::map).list();
	}

	/** Closed before the cutoff and not yet anonymised. */
	public List<UUID> closedBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				select id from rights_request
				where status in (:closed) and anonymised_at is null and closed_at < :cutoff
				order by closed_at limit :limit""").param("closed", RequestStatus.CLOSED).param("cutoff", odt(cutoff))
				.param("limit", limit)
				.query(UUID.class).list();
	}

	/**
	 * Form requests still waiting for their address to be confirmed, received before the cutoff,
	 * oldest first (whether a verification link could still confirm one is for the links to say).
	 */
	public List<UUID> unconfirmedBefore(Instant cutoff, int limit) {
		return jdbc.sql("""
				select r.id from rights_request r
				where r.status = 'AWAITING_VERIFICATION' and r.channel = 'FORM' and r.verified_at is null
				  and r.received_at < :cutoff
				order by r.received_at limit :limit""").param("cutoff", odt(cutoff)).param("limit", limit)
				.query(UUID.class).list();
	}

	void insert(DataSubjectRequest r) {
		jdbc.sql("""
				insert into rights_request (id, reference, request_type, status, channel, requester_name, email, language,
				  visitor_id, details, received_on, received_at, first_due_on, due_on, suspended_days, suspended_since,
				  resume_status, extended, extension_reason, extended_on, verified_at, verification_means, assignee_id,
				  closed_at, closing_text, answered_late, version)
				values (:id, :reference, :type, :status, :channel, :name, :email, :language,
				  :visitor, :details, :receivedOn, :receivedAt, :firstDue, :due, :suspendedDays, :suspendedSince,
				  :resumeStatus, :extended, :extensionReason, :extendedOn, :verifiedAt, :means, :assignee,
				  :closedAt, :closingText, :late, 0)""")
				.param("id", r.id).param("reference", r.reference).param("type", r.type.name())
				.param("channel", r.channel.name()).param("name", r.name).param("email", r.email)
				.param("language", r.language).param("visitor", r.visitorId).param("details", r.details)
				.param("receivedOn", Date.valueOf(r.receivedOn)).param("receivedAt", odt(r.receivedAt))
				.params(mutable(r)).update();
	}

	/** Saves the changed state; false when someone else changed the request since it was loaded. */
	boolean update(DataSubjectRequest r) {
		int updated = jdbc.sql("""
				update rights_request set status = :status, first_due_on = :firstDue, due_on = :due,
				  suspended_days = :suspendedDays, suspended_since = :suspendedSince, resume_status = :resumeStatus,
				  extended = :extended, extension_reason = :extensionReason, extended_on = :extendedOn,
				  verified_at = :verifiedAt, verification_means = :means, assignee_id = :assignee,
				  closed_at = :closedAt, closing_text = :closingText, answered_late = :late, version = version + 1
				where id = :id and version = :version""")
				.param("id", r.id).param("version", r.version).params(mutable(r)).update();
		if (updated == 1) {
			r.version++;
		}
		return updated == 1;
	}

	/** After the retention period: the request keeps its dates, type and outcome, not who made it. */
	public void anonymise(UUID id, Instant at) {
		jdbc.sql("""
				update rights_request set requester_name = null, email = null, visitor_id = null, details = null,
				  closing_text = null, extension_reason = null, anonymised_at = :at, version = version + 1
				where id = :id""").param("id", id).param("at", odt(at)).update();
		jdbc.sql("update rights_step set text = null where request_id = :id").param("id", id).update();
	}

	private static java.util.Map<String, Object> mutable(DataSubjectRequest r) {
		java.util.Map<String, Object> p = new java.util.HashMap<>();
		p.put("status", r.status.name());
		p.put("firstDue", Date.valueOf(r.firstDueOn));
		p.put("due", Date.valueOf(r.dueOn));
		p.put("suspendedDays", r.suspendedDays);
		p.put("suspendedSince", r.suspendedSince == null ? null : Date.valueOf(r.suspendedSince));
		p.put("resumeStatus", r.resumeStatus == null ? null : r.resumeStatus.name());
		p.put("extended", r.extended);
		p.put("extensionReason", r.extensionReason);
		p.put("extendedOn", r.extendedOn == null ? null : Date.valueOf(r.extendedOn));
		p.put("verifiedAt", odt(r.verifiedAt));
		p.put("means", r.verificationMeans);
		p.put("assignee", r.assigneeId);
		p.put("closedAt", odt(r.closedAt));
		p.put("closingText", r.closingText);
		p.put("late", r.answeredLate);
		return p;
	}

	private DataSubjectRequest map(ResultSet rs, int row) throws SQLException {
		DataSubjectRequest r = new DataSubjectRequest(rs.getObject("id", UUID.class), rs.getString("reference"),
				RequestType.valueOf(rs.getString("request_type")), Channel.valueOf(rs.getString("channel")),
				rs.getString("requester_name"), rs.getString("email"), rs.getString("language"),
				rs.getString("visitor_id"), rs.getString("details"), date(rs, "received_on"), instant(rs, "received_at"));
		r.status = RequestStatus.valueOf(rs.getString("status"));
		r.firstDueOn = date(rs, "first_due_on");
		r.dueOn = date(rs, "due_on");
		r.suspendedDays = rs.getInt("suspended_days");
		r.suspendedSince = date(rs, "suspended_since");
		String resume = rs.getString("resume_status");
		r.resumeStatus = resume == null ? null : RequestStatus.valueOf(resume);
		r.extended = rs.getBoolean("extended");
		r.extensionReason = rs.getString("extension_reason");
		r.extendedOn = date(rs, "extended_on");
		r.verifiedAt = instant(rs, "verified_at");
		r.verificationMeans = rs.getString("verification_means");
		r.assigneeId = rs.getObject("assignee_id", UUID.class);
		r.closedAt = instant(rs, "closed_at");
		r.closingText = rs.getString("closing_text");
		r.answeredLate = rs.getBoolean("answered_late");
		r.version = rs.getInt("version");
		return r;
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
