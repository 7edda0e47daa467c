package io.charter.premises;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.charter.organisation.Organisation;
import io.charter.organisation.OrganisationProfile;
import io.charter.premises.web.VisitorNotice;

/** The facts of the kiosk's privacy notice, from the organisation's profile and the retention setting. */
@Component
class VisitorNotices {

	private final Organisation organisation;
	private final PremisesSettings settings;

	VisitorNotices(Organisation organisation, PremisesSettings settings) {
		this.organisation = organisation;
		this.settings = settings;
	}

	VisitorNotice in(Locale locale) {
		OrganisationProfile profile = organisation.profile();
		return new VisitorNotice(profile.legalName(locale), contact(profile), profile.privacyPolicyUrl().orElse(null),
				settings.visitorRetention().toDays());
	}

	/** Whether the notice can tell visitors where to ask for their data. */
	boolean complete() {
		return contact(organisation.profile()) != null;
	}

	private static String contact(OrganisationProfile profile) {
		return profile.dpoContact().or(profile::contactEmail).orElse(null);
	}
}
