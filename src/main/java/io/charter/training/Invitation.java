package io.charter.training;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.charter.notify.Mail;

/**
 * The calendar invitation (RFC 5545) sent with an enrolment e-mail: one event whose UID is the
 * enrolment's, so a calendar updates the same entry when the session changes (SEQUENCE goes up) and
 * removes it when the session or the enrolment is cancelled (METHOD:CANCEL). Times are in UTC.
 * Written by hand (a dozen lines of text); the tests parse it with a calendar library.
 */
final class Invitation {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(ZoneOffset.UTC);

	private Invitation() {
	}

	/**
	 * @param cancel true to withdraw the entry (METHOD:CANCEL, STATUS:CANCELLED)
	 * @param sequence the revision; higher than any sent before for this enrolment
	 */
	static Mail.Attachment of(Session session, Enrolment enrolment, String attendee, String organizer, boolean cancel,
			int sequence, Instant now) {
		String method = cancel ? "CANCEL" : "REQUEST";
		StringBuilder ics = new StringBuilder();
		line(ics, "BEGIN:VCALENDAR");
		line(ics, "VERSION:2.0");
		line(ics, "PRODID:-//Charter//Training//EN");
		line(ics, "METHOD:" + method);
		line(ics, "BEGIN:VEVENT");
		line(ics, "UID:" + enrolment.id() + "@charter");
		line(ics, "SEQUENCE:" + sequence);
		line(ics, "DTSTAMP:" + UTC.format(now));
		line(ics, "DTSTART:" + UTC.format(session.startsAt()));
		line(ics, "DTEND:" + UTC.format(session.endsAt()));
		line(ics, "SUMMARY:" + text(session.title()));
		if (session.place() != null && !session.place().isBlank()) {
			line(ics, "LOCATION:" + text(session.place()));
		}
		if (session.onlineLink() != null && !session.onlineLink().isBlank()) {
			line(ics, "URL:" + session.onlineLink().strip());
		}
		line(ics, "ORGANIZER:mailto:" + organizer);
		line(ics, "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + attendee);
		line(ics, "STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
		line(ics, "END:VEVENT");
		line(ics, "END:VCALENDAR");
		return new Mail.Attachment("training.ics", "text/calendar; charset=UTF-8; method=" + method,
				ics.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
				.replace("\n", "\\n").replace("\r", "\\n");
	}

	/** A content line, folded at 75 octets without cutting a UTF-8 character (RFC 5545 3.1). */
	private static void line(StringBuilder ics, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				ics.append("\r\n ");
				octets = 1;
			}
			ics.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		ics.append("\r\n");
	}
}
