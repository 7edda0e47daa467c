package io.charter.exemptions;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.identity.IdentityManagement;
import io.charter.identity.UserSummary;
import io.charter.notify.Mail;
import io.charter.notify.Notifications;
import io.charter.people.Directory;
import io.charter.platform.BaseUrl;
import io.charter.shared.Role;

/**
 * The e-mails of exemptions, through notify's outbox (so they leave only if the step commits), each
 * in its reader's language: decisions to the person it was asked for; the notice before the last
 * day and at expiry to that person and the SECURITY team.
 */
@Component
class ExemptionMessages {

	static final String MY_PATH = "/exemptions/mine";
	static final String QUEUE_PATH = "/exemptions";

	private final Notifications notifications;
	private final Directory directory;
	private final IdentityManagement identity;
	private final MessageSource texts;
	private final BaseUrl baseUrl;

	ExemptionMessages(Notifications notifications, Directory directory, IdentityManagement identity,
			MessageSource texts, BaseUrl baseUrl) {
		this.notifications = notifications;
		this.directory = directory;
		this.identity = identity;
		this.texts = texts;
		this.baseUrl = baseUrl;
	}

	/** A decision (approved, refused, revoked) to the person it was asked for. */
	void decided(Exemption e, String text) {
		toPerson(e, "exemptions-decision", Map.of("text", text));
	}

	/** Its last day is near ({@code exemptions-expiring}) or past ({@code exemptions-expired}). */
	int ending(Exemption e, String template) {
		int sent = toPerson(e, template, Map.of());
		for (UserSummary user : identity.usersWithRole(Role.SECURITY)) {
			if (user.active()) {
				send(user.email(), user.displayName(), user.language(), e, template, Map.of(),
						QUEUE_PATH + "/requests/" + e.id());
				sent++;
			}
		}
		return sent;
	}

	private int toPerson(Exemption e, String template, Map<String, String> extra) {
		if (e.personId() == null) {
			return 0;
		}
		return directory.person(e.personId()).filter(p -> p.active()).map(p -> {
			send(p.email(), p.name(), p.language(), e, template, extra, MY_PATH);
			return 1;
		}).orElse(0);
	}

	private void send(String to, String name, String language, Exemption e, String template,
			Map<String, String> extra, String path) {
		Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
		Map<String, String> params = new LinkedHashMap<>();
		params.put("name", name);
		params.put("clause", e.clause() + (e.check() == null ? "" : " (" + e.check() + ")"));
		params.put("status", texts.getMessage("exemptions.status." + e.status().name().toLowerCase(), null,
				e.status().name(), locale));
		params.put("from", DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(e.startsOn()));
		params.put("until", DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(e.endsOn()));
		params.putAll(extra);
		params.put("link", baseUrl.to(path + "?lang=" + locale.getLanguage()));
		notifications.send(new Mail(to, template, language, params, Map.of()));
	}
}
