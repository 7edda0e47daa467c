package io.charter.consent.banner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.charter.consent.CatalogueRules;
import io.charter.organisation.Organisation;
import io.charter.organisation.OrganisationEvent;
import io.charter.organisation.OrganisationProfile;

/**
 * The controller's names as the banner shows them, from the organisation profile. Held here and
 * re-read in the background (at start, after a change on this instance, and every minute for a
 * change on another), because the banner's files are served from memory and never wait for the
 * database. The stamp changes with the names: it is part of the banner's build id, so the immutable
 * config URLs change when the controller's name does.
 */
@Component
class ControllerNames {

	private static final Logger log = LoggerFactory.getLogger(ControllerNames.class);

	/**
	 * @param name the name without legal form, to tell the controller's own services from partners
	 * @param legalNames the legal name per language Charter speaks; empty until first read
	 */
	record Names(String name, Map<String, String> legalNames) {

		static final Names UNKNOWN = new Names(null, Map.of());

		/** Whether a service's provider is the controller itself rather than a partner. */
		boolean isController(String provider) {
			return provider.equalsIgnoreCase(name) || legalNames.values().stream().anyMatch(provider::equalsIgnoreCase);
		}
	}

	private final Organisation organisation;
	private volatile Names names = Names.UNKNOWN;

	ControllerNames(Organisation organisation) {
		this.organisation = organisation;
	}

	Names current() {
		return names;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${charter.consent.controller-refresh:60s}", initialDelayString = "60s")
	void refresh() {
		try {
			OrganisationProfile profile = organisation.profile();
			Map<String, String> legalNames = new LinkedHashMap<>();
			for (String language : CatalogueRules.LANGUAGES) {
				legalNames.put(language, profile.legalName(Locale.forLanguageTag(language)));
			}
			names = new Names(profile.name(), Map.copyOf(legalNames));
		}
		catch (RuntimeException e) {
			// Keeps what it has: the banner goes on naming the controller it knew.
			log.warn("Could not read the organisation profile for the banner: {}", e.toString());
		}
	}

	/** After the organisation's own copy was dropped (it listens first), so this reads the new profile. */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void changed(OrganisationEvent event) {
		refresh();
	}
}
