package io.charter.rights;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.rights.*}.
 *
 * @param zone the organisation's time zone: the day of receipt and due dates are dates there
 * @param holidayCountry whose public holidays move a deadline (a country in the holiday calendar)
 * @param holidayFile optional file with more or changed countries, same format as the shipped
 *        {@code rights/holidays.properties}
 * @param verificationValidity how long the e-mailed verification link works
 * @param withdrawalValidity how long the withdrawal link in a letter works (the request must still be open)
 * @param downloadValidity how long a response package can be downloaded; then its content is deleted
 * @param formLimit requests the public form accepts from one source per {@code formWindow}
 * @param formWindow that window
 * @param formMailLimit links the public form sends one e-mail address per 24 hours; past that, a
 *        request from the form is kept but sends nothing
 * @param reminderDays days before the due date on which the assignee is reminded
 * @param retention closed requests are anonymised this long after they closed
 * @param remedy the judicial remedy to name in refusals, per language; the Belgian courts when not set
 */
@ConfigurationProperties("charter.rights")
public record RightsSettings(@DefaultValue("Europe/Brussels") ZoneId zone, @DefaultValue("BE") String holidayCountry,
		String holidayFile, @DefaultValue("7d") Duration verificationValidity,
		@DefaultValue("180d") Duration withdrawalValidity,
		@DefaultValue("7d") Duration downloadValidity, @DefaultValue("5") int formLimit,
		@DefaultValue("1h") Duration formWindow, @DefaultValue("3") int formMailLimit,
		@DefaultValue({ "7", "1" }) List<Integer> reminderDays,
		@DefaultValue("1095d") Duration retention, Map<String, String> remedy) {

	public RightsSettings {
		remedy = remedy == null ? Map.of() : Map.copyOf(remedy);
		reminderDays = reminderDays.stream().filter(d -> d > 0).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
		if (formLimit < 1) {
			throw new IllegalArgumentException("charter.rights.form-limit must be at least 1");
		}
		if (formMailLimit < 0) {
			throw new IllegalArgumentException("charter.rights.form-mail-limit must not be negative");
		}
	}
}
