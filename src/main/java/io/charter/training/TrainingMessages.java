package io.charter.training;

import java.time.ZoneId;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.people.PersonSummary;
import io.charter.platform.BaseUrl;

/**
 * The e-mails of training, in the person's language, through notify's outbox (so they go out only if
 * the change commits). Messages about a place carry the calendar invitation.
 */
@Component
class TrainingMessages {

	/** The self-service page every message links to. */
	static final String ENROL_PATH = "/training/enrol";

	private final Notifications notifications;
	private final BaseUrl baseUrl;
	private final TrainingSettings settings;
	private final Clock clock;
	private final ZoneId zone;

	TrainingMessages(Notifications notifications, BaseUrl baseUrl, TrainingSettings settings, Clock clock,
			@Value(TrainingSettings.ZONE) ZoneId zone) {
		this.zone = zone;
		this.notifications = notifications;
		this.baseUrl = baseUrl;
		this.settings = settings;
		this.clock = clock;
	}

	/** A place (or a new revision of it): the invitation asks the calendar to add or update the entry. */
	void enrolled(PersonSummary person, Session session, Enrolment enrolment, String template) {
		send(person, session, template, Invitation.of(session, enrolment, person.email(), notifications.senderAddress(),
				false, enrolment.sequence(), clock.instant()));
	}

	/** On the waiting list: no calendar entry yet. */
	void waiting(PersonSummary person, Session session) {
		send(person, session, "training-waiting", null);
	}

	/** The place is gone (the session or the enrolment was cancelled): the calendar removes the entry. */
	void withdrawn(PersonSummary person, Session session, Enrolment enrolment, String template, boolean hadPlace) {
		send(person, session, template, hadPlace ? Invitation.of(session, enrolment, person.email(),
				notifications.senderAddress(), true, enrolment.sequence(), clock.instant()) : null);
	}

	void remind(PersonSummary person, boolean overdue, java.time.LocalDate dueBy) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", person.name());
		params.put("dueBy", DateTimeFormatter.ofPattern("d MMMM yyyy", locale(person.language())).format(dueBy));
		params.put("link", link(person.language()));
		notifications.send(new Mail(person.email(), overdue ? "training-overdue" : "training-due", person.language(), params));
	}

	void digest(String to, String name, String language, String list) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", name);
		params.put("people", list);
		params.put("link", baseUrl.to("/training"));
		notifications.send(new Mail(to, "training-digest", language, params));
	}

	private void send(PersonSummary person, Session session, String template, Mail.Attachment invitation) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", person.name());
		params.put("title", session.title());
		params.put("when", when(session.startsAt(), person.language()) + " - "
				+ DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(session.endsAt()));
		params.put("where", session.where());
		params.put("link", link(person.language()));
		Mail mail = new Mail(person.email(), template, person.language(), params);
		notifications.send(invitation == null ? mail : mail.with(invitation));
	}

	String when(Instant at, String language) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale(language)).withZone(zone).format(at);
	}

	/** The enrolment page; it asks the person to sign in first, in their language. */
	private String link(String language) {
		return baseUrl.to(ENROL_PATH + "?lang=" + language);
	}

	private static Locale locale(String language) {
		return Locale.forLanguageTag(language == null ? "en" : language);
	}
}
