package io.charter.training;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.training.*}.
 *
 * @param validFor how long an attended session counts (the policy: yearly)
 * @param newJoinerWithin how long a new joiner has, from the start date, to attend a first session
 * @param remindBefore how long before the due date a person not yet enrolled is reminded
 */
@ConfigurationProperties("charter.training")
record TrainingSettings(@DefaultValue("P12M") Period validFor, @DefaultValue("P90D") Period newJoinerWithin,
		@DefaultValue("P30D") Period remindBefore) {

	/** The organisation's time zone, in which training counts days and calendar years. */
	static final String ZONE = "${charter.web.time-zone:Europe/Brussels}";
}
