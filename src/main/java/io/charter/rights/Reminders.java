package io.charter.rights;

import static io.charter.platform.Utc.odt;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.shared.Actors;
import io.charter.shared.Role;

/**
 * Reminds the assignee before a due date (7 and 1 days before by default) and alerts every PRIVACY
 * user when a request is overdue; tells the assignee (else the PRIVACY team) when the requester
 * withdraws a request with the link in a letter. Each reminder is sent once per request, kind and
 * due date: the row in rights_reminder is claimed in the same transaction that puts the messages in
 * the outbox, so neither a second run nor a second instance sends it again. A new due date (after a
 * suspension or an extension) gets its own reminders.
 */
@Component
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	/** What a run sent. */
	public record Sent(int reminders, int escalations) {
	}

	private final DataSubjectRequests requests;
	private final RequestChanges changes;
	private final IdentityManagement identity;
	private final Letters letters;
	private final RightsSettings settings;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	Reminders(DataSubjectRequests requests, RequestChanges changes, IdentityManagement identity, Letters letters,
			RightsSettings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.requests = requests;
		this.changes = changes;
		this.identity = identity;
		this.letters = letters;
		this.settings = settings;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Sends what is due today; safe to run any number of times, on any number of instances. */
	public Sent sendDue() {
		LocalDate today = changes.today();
		int horizon = settings.reminderDays().isEmpty() ? 0 : settings.reminderDays().get(0);
		int reminders = 0;
		int escalations = 0;
		for (DataSubjectRequest r : requests.runningDueBy(today.plusDays(horizon))) {
			long daysLeft = ChronoUnit.DAYS.between(today, r.dueOn);
			try {
				if (daysLeft < 0) {
					escalations += Boolean.TRUE.equals(tx.execute(s -> escalate(r, -daysLeft))) ? 1 : 0;
				}
				else {
					Integer window = window(daysLeft);
					if (window != null) {
						reminders += Boolean.TRUE.equals(tx.execute(s -> remind(r, window, daysLeft))) ? 1 : 0;
					}
				}
			}
			catch (RuntimeException e) {
				log.warn("Reminder for request {} failed: {}", r.id, e.getClass().getSimpleName());
			}
		}
		return new Sent(reminders, escalations);
	}

	/** The smallest configured number of days that still covers the days left (7, then 1). */
	private Integer window(long daysLeft) {
		Integer chosen = null;
		for (int d : settings.reminderDays()) {
			if (daysLeft <= d) {
				chosen = d;
			}
		}
		return chosen;
	}

	private boolean remind(DataSubjectRequest r, int window, long daysLeft) {
		List<UserSummary> to = assigneeElseTeam(r);
		if (to.isEmpty() || !claim(r.id, "DUE_" + window, r.dueOn, to.size())) {
			return false;
		}
		for (UserSummary user : to) {
			letters.toStaff(user.email(), user.language(), "rights-reminder", params(r, user, daysLeft));
		}
		changes.log(r.id, Actors.SYSTEM, "reminder-sent", "reminder " + window + " day(s) before the due date "
				+ r.dueOn + " to " + to.size() + " user(s)", null);
		return true;
	}

	/** The requester withdrew {@code r} themselves: whoever would have answered it hears of it. */
	public void requesterWithdrew(DataSubjectRequest r) {
		List<UserSummary> to = assigneeElseTeam(r);
		for (UserSummary user : to) {
			// No due date here: a request withdrawn before it was confirmed never had one.
			letters.toStaff(user.email(), user.language(), "rights-withdrawn-staff", about(r, user));
		}
	}

	private List<UserSummary> assigneeElseTeam(DataSubjectRequest r) {
		List<UserSummary> to = new ArrayList<>();
		if (r.assigneeId != null) {
			identity.user(r.assigneeId).filter(UserSummary::active).ifPresent(to::add);
		}
		if (to.isEmpty()) {
			to.addAll(privacyTeam());
		}
		return to;
	}

	private boolean escalate(DataSubjectRequest r, long daysOverdue) {
		List<UserSummary> to = privacyTeam();
		if (to.isEmpty() || !claim(r.id, "OVERDUE", r.dueOn, to.size())) {
			return false;
		}
		for (UserSummary user : to) {
			letters.toStaff(user.email(), user.language(), "rights-overdue", params(r, user, daysOverdue));
		}
		changes.log(r.id, Actors.SYSTEM, "overdue-escalated", "overdue since " + r.dueOn + "; " + to.size()
				+ " PRIVACY user(s) alerted", null);
		return true;
	}

	/** Every active PRIVACY user; the administrators when there is none, so that someone hears of it. */
	private List<UserSummary> privacyTeam() {
		List<UserSummary> team = identity.usersWithRole(Role.PRIVACY);
		return team.isEmpty() ? identity.usersWithRole(Role.ADMIN) : team;
	}

	/** True for the one caller that records this reminder first. */
	private boolean claim(UUID requestId, String kind, LocalDate dueOn, int recipients) {
		return jdbc.sql("""
				insert into rights_reminder (request_id, kind, due_on, sent_at, recipients)
				values (:request, :kind, :due, :at, :recipients) on conflict do nothing""")
				.param("request", requestId).param("kind", kind).param("due", Date.valueOf(dueOn))
				.param("at", odt(changes.now())).param("recipients", recipients).update() == 1;
	}

	private Map<String, String> params(DataSubjectRequest r, UserSummary user, long days) {
		Map<String, String> p = about(r, user);
		p.put("dueOn", Letters.date(r.dueOn, Letters.language(user.language())));
		p.put("days", String.valueOf(days));
		return p;
	}

	/** What every staff message says of a request: whom it addresses, which request, where to open it. */
	private Map<String, String> about(DataSubjectRequest r, UserSummary user) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("name", user.displayName());
		p.put("reference", r.reference);
		p.put("type", letters.typeName(r.type, Letters.language(user.language())));
		p.put("link", letters.staffLink(r.id));
		return p;
	}

	/** Which reminders a request got, for tests and the request page. */
	List<String> sentFor(UUID requestId) {
		return jdbc.sql("select kind || ' ' || due_on from rights_reminder where request_id = :id order by sent_at, kind")
				.param("id", requestId).query(String.class).list();
	}

	Instant now() {
		return changes.now();
	}
}
