package io.charter.exemptions;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.exemptions.*}.
 *
 * @param maxLength the longest period one exemption may cover (the policy: a year at most)
 * @param noticeBefore how long before its last day the requester and SECURITY are told it ends
 * @param secondApproverForOrganisation whether an exemption for the whole organisation needs the
 *        approval of two different SECURITY users
 */
@ConfigurationProperties("charter.exemptions")
record ExemptionSettings(@DefaultValue("P12M") Period maxLength, @DefaultValue("P7D") Period noticeBefore,
		@DefaultValue("false") boolean secondApproverForOrganisation) {

	/** The organisation's time zone, in which exemptions start and end. */
	static final String ZONE = "${charter.web.time-zone:Europe/Brussels}";
}
