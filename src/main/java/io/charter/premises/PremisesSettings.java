package io.charter.premises;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.premises.*}.
 *
 * @param visitorRetention how long a visitor's name, company and address are kept after the visit
 *        (the policy: 30 days)
 * @param endOfDay from this time of day a visitor still checked in is flagged to reception and
 *        security
 * @param incidentWebhook where a report of an unrecognised person is also posted, signed; empty for
 *        none
 * @param incidentWebhookSecret the key of the webhook's signature
 */
@ConfigurationProperties("charter.premises")
record PremisesSettings(@DefaultValue("P30D") Duration visitorRetention, @DefaultValue("18:00") LocalTime endOfDay,
		@DefaultValue("") String incidentWebhook, @DefaultValue("") String incidentWebhookSecret) {

	/** The organisation's time zone, in which the kiosk counts days. */
	static final String ZONE = "${charter.web.time-zone:Europe/Brussels}";
}
