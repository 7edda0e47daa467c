package io.charter.premises;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.organisation.Organisation;
import io.charter.people.PersonSummary;
import io.charter.platform.BaseUrl;

/**
 * The e-mails of the premises, each in its reader's language, through notify's outbox (so they go
 * out only if the change commits).
 */
@Component
class PremisesMessages {

	private final Notifications notifications;
	private final Organisation organisation;
	private final BaseUrl baseUrl;
	private final ZoneId zone;
	private final VisitorNotices notices;

	PremisesMessages(Notifications notifications, Organisation organisation, BaseUrl baseUrl,
			@Value(PremisesSettings.ZONE) ZoneId zone, VisitorNotices notices) {
		this.notices = notices;
		this.baseUrl = baseUrl;
		this.notifications = notifications;
		this.organisation = organisation;
		this.zone = zone;
	}

	/**
	 * The practical details to a pre-registered visitor who gave an address, with what is done with
	 * the data the host gave about them (GDPR art. 14(3)(b): at the first communication).
	 */
	void expected(Visit visit, PersonSummary host) {
		Locale locale = Locale.forLanguageTag(visit.language());
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", visit.visitorName());
		params.put("when", when(visit.expectedAt(), visit.language()));
		params.put("host", host.name());
		params.put("organisation", organisation.profile().legalName(locale));
		params.put("privacy", notices.forExpectedVisitor(locale));
		notifications.send(new Mail(visit.email(), "premises-visitor-expected", visit.language(), params));
	}

	/** The host is told at once that their visitor has arrived. */
	void arrived(Visit visit, PersonSummary host) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", host.name());
		params.put("visitor", visit.visitorName());
		params.put("company", visit.company() == null ? "-" : visit.company());
		params.put("when", when(visit.checkedInAt(), host.language()));
		params.put("badge", visit.badge());
		notifications.send(new Mail(host.email(), "premises-visitor-arrived", host.language(), params));
	}

	/** An unrecognised person was reported: the manager and the security team act at once. */
	void incident(Incident incident, String to, String name, String language) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", name == null ? "" : name);
		params.put("where", incident.place());
		params.put("when", when(incident.occurredAt(), language));
		params.put("description", incident.description() == null ? "-" : incident.description());
		params.put("link", baseUrl.to("/incidents#incident-" + incident.id()));
		notifications.send(new Mail(to, "premises-incident-alert", language, params));
	}

	/** The person whose desk a clean-desk check found something on, with the follow-up asked. */
	void deskFinding(DeskCheck check, DeskCheck.Finding finding, PersonSummary person) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", person.name());
		params.put("day", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(language(person.language())))
				.format(check.checkedOn()));
		params.put("area", check.area());
		params.put("desk", finding.desk());
		params.put("found", finding.found());
		params.put("followUp", finding.followUp() == null ? "-" : finding.followUp());
		notifications.send(new Mail(person.email(), "premises-clean-desk-finding", person.language(), params));
	}

	private static String language(String language) {
		return language == null ? "en" : language;
	}

	String when(Instant at, String language) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.forLanguageTag(language == null ? "en" : language))
				.withZone(zone).format(at);
	}
}
