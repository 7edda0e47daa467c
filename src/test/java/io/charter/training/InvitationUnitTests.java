package io.charter.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.charter.notify.Mail;

/** The calendar invitation, read back by a calendar library (biweekly). */
class InvitationUnitTests {

	static final Instant START = Instant.parse("2027-01-12T09:00:00Z");
	final Session session = new Session(UUID.randomUUID(),
			"Sensibilisation à la sécurité; phishing, mots de passe et appareils — session de janvier pour tout le personnel",
			START, START.plusSeconds(5400), "Salle 2, Bruxelles", "https://meet.example/abc", 20, "Ann", "fr",
			Session.Status.SCHEDULED, 0);
	final Enrolment enrolment = new Enrolment(UUID.randomUUID(), session.id(), UUID.randomUUID(),
			Enrolment.Status.ENROLLED, false, START.minusSeconds(86400 * 7), 1);

	ICalendar parse(Mail.Attachment attachment) {
		String text = new String(attachment.content(), StandardCharsets.UTF_8);
		for (String line : text.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("folded at 75 octets: " + line).isLessThanOrEqualTo(75);
		}
		assertThat(text).endsWith("\r\n").doesNotContain("\n\n");
		return Biweekly.parse(text).first();
	}

	@Test
	void anEnrolmentIsARequestWithItsStableUidTimesInUtcAndTheOrganisationAsOrganizer() {
		Mail.Attachment attachment = Invitation.of(session, enrolment, "marc@example.be", "security@example.be", false, 1,
				Instant.parse("2027-01-05T10:00:00Z"));
		assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
		ICalendar calendar = parse(attachment);
		assertThat(calendar.getMethod().getValue()).isEqualTo("REQUEST");
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo(enrolment.id() + "@charter");
		assertThat(event.getSequence().getValue()).isEqualTo(1);
		assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(START));
		assertThat(event.getDateEnd().getValue()).isEqualTo(Date.from(START.plusSeconds(5400)));
		assertThat(event.getSummary().getValue()).isEqualTo(session.title());
		assertThat(event.getLocation().getValue()).isEqualTo("Salle 2, Bruxelles");
		assertThat(event.getOrganizer().getEmail()).isEqualTo("security@example.be");
		assertThat(event.getAttendees().get(0).getEmail()).isEqualTo("marc@example.be");
		assertThat(event.getUrl().getValue()).isEqualTo("https://meet.example/abc");
	}

	@Test
	void aCancellationNamesTheSameEventWithAHigherSequence() {
		ICalendar calendar = parse(Invitation.of(session, enrolment, "marc@example.be", "security@example.be", true, 2,
				Instant.parse("2027-01-06T10:00:00Z")));
		assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo(enrolment.id() + "@charter");
		assertThat(event.getSequence().getValue()).isEqualTo(2);
		assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
	}
}
