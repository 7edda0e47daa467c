package io.charter.premises;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.charter.organisation.Organisation;
import io.charter.organisation.OrganisationProfile;
import io.charter.premises.web.VisitorNotice;

/**
 * The facts of the visitors' privacy notice, from the organisation's profile and the retention
 * setting: at the kiosk (GDPR art. 13) and in the e-mail to a pre-registered visitor, whose name
 * and address came from the host (art. 14, given at the first communication).
 */
@Component
class VisitorNotices {

	private final Organisation organisation;
	private final PremisesSettings settings;
	private final MessageSource messages;

	VisitorNotices(Organisation organisation, PremisesSettings settings, MessageSource messages) {
		this.organisation = organisation;
		this.settings = settings;
		this.messages = messages;
	}

	VisitorNotice in(Locale locale) {
		OrganisationProfile profile = organisation.profile();
		return new VisitorNotice(profile.legalName(locale), contact(profile), profile.privacyPolicyUrl().orElse(null),
				settings.visitorRetention().toDays(), profile.authorityLine(locale).orElse(null));
	}

	/** The notice as the paragraph of the e-mail to a pre-registered visitor, in a language. */
	String forExpectedVisitor(Locale locale) {
		VisitorNotice notice = in(locale);
		StringBuilder text = new StringBuilder(text("premises.privacy-mail", locale, notice.organisation()))
				.append(' ').append(text("premises.privacy-why", locale))
				.append(' ').append(text("premises.privacy-how-long", locale, notice.retentionDays()));
		if (notice.contact() != null) {
			text.append(' ').append(text("premises.privacy-ask", locale, notice.contact()));
		}
		text.append(' ').append(notice.authority() == null ? text("premises.privacy-complaint.unnamed", locale)
				: text("premises.privacy-complaint", locale, notice.authority()));
		return text.toString();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** Whether the notice can tell visitors where to ask for their data. */
	boolean complete() {
		return contact(organisation.profile()) != null;
	}

	private static String contact(OrganisationProfile profile) {
		return profile.dpoContact().or(profile::contactEmail).orElse(null);
	}
}
