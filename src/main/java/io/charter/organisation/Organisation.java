package io.charter.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import io.charter.organisation.web.ProfileForm;

/**
 * The organisation that runs Charter, for every module that names it (public pages, letters,
 * e-mails, the cookie declaration). Cheap on hot paths: the profile is read once and kept until it
 * changes here, or for at most {@link #KEPT} when another instance changed it.
 */
@Service
public class Organisation {

	static final Duration KEPT = Duration.ofMinutes(1);

	private record Kept(OrganisationProfile profile, Instant until) {
	}

	private final Profiles profiles;
	private final MessageSource messages;
	private final Clock clock;
	private volatile Kept kept;

	Organisation(Profiles profiles, MessageSource messages, Clock clock) {
		this.profiles = profiles;
		this.messages = messages;
		this.clock = clock;
	}

	/** The profile as public texts may show it: only what the admin has given. */
	public OrganisationProfile profile() {
		Kept current = kept;
		Instant now = clock.instant();
		if (current == null || now.isAfter(current.until())) {
			current = new Kept(publicView(profiles.read(), this::boxIn), now.plus(KEPT));
			kept = current;
		}
		return current.profile();
	}

	/**
	 * A change committed here is shown at once, not after {@link #KEPT}: before other modules'
	 * listeners to the same event read the profile again.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void changed(OrganisationEvent event) {
		kept = null;
	}

	private String boxIn(Locale locale) {
		return messages.getMessage("organisation.address.box", null, locale);
	}

	/**
	 * The stored profile as others may use it. The address line is {@code street box n°, postcode
	 * city} in each language whose city is given, without the parts that are not.
	 *
	 * @param box the word for a mailbox number ("boîte", "bus", "box") in a language
	 */
	static OrganisationProfile publicView(ProfileForm p, Function<Locale, String> box) {
		Localised address = new Localised(address(p, p.cityFr(), box.apply(Locale.FRENCH)),
				address(p, p.cityNl(), box.apply(Locale.forLanguageTag("nl"))),
				address(p, p.cityEn(), box.apply(Locale.ENGLISH)));
		return new OrganisationProfile(p.name().strip(), new Localised(p.legalFormFr(), p.legalFormNl(), p.legalFormEn()),
				EnterpriseNumber.parse(p.companyNumber()).map(EnterpriseNumber::formatted), address,
				OrganisationProfile.given(p.contactEmail()), OrganisationProfile.given(p.contactFormUrl()),
				OrganisationProfile.given(p.privacyPolicyUrl()), OrganisationProfile.given(p.dpoContact()),
				OrganisationProfile.given(p.senderName()), OrganisationProfile.given(p.senderEmail()),
				new SupervisoryAuthority(new Localised(p.authorityNameFr(), p.authorityNameNl(), p.authorityNameEn()),
						new Localised(p.authorityAddressFr(), p.authorityAddressNl(), p.authorityAddressEn()),
						new Localised(p.authorityUrlFr(), p.authorityUrlNl(), p.authorityUrlEn())));
	}

	private static String address(ProfileForm p, String city, String box) {
		String street = OrganisationProfile.blankToNull(p.street());
		city = OrganisationProfile.blankToNull(city);
		if (street == null || city == null) {
			return null;
		}
		StringBuilder line = new StringBuilder(street);
		if (OrganisationProfile.blankToNull(p.box()) != null) {
			line.append(' ').append(box).append(' ').append(p.box().strip());
		}
		line.append(", ");
		if (OrganisationProfile.blankToNull(p.postcode()) != null) {
			line.append(p.postcode().strip()).append(' ');
		}
		return line.append(city).toString();
	}
}
