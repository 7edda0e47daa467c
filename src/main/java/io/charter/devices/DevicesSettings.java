package io.charter.devices;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code charter.devices.*}: the osquery endpoints' limits and how often checks are asked.
 *
 * @param maxBody the largest request body osquery may send, as sent (gzip or not); larger ones are
 *        refused with 413 before being read further
 * @param maxInflated the largest body once a gzip body is inflated, so a small bomb cannot fill memory
 * @param checkInterval how long after a device was last sent the checks it is sent them again
 * @param softwareInterval how long after a device was last asked its installed software it is asked again
 * @param staleAfter a device not seen for this long is stale
 * @param enrollAttempts how many enrolment attempts one client may make per {@code enrollWindow}
 * @param controlTarget the share of devices that must meet each device control of the compliance table
 * @param maxImport the largest MDM export accepted at once
 * @param userDomains the e-mail domains of the directory that a user name osquery reports as logged in
 *        is tried with ({@code jdoe} is {@code jdoe@example.com}); empty: any person whose e-mail
 *        address has the user name before the {@code @}
 */
@ConfigurationProperties("charter.devices")
public record DevicesSettings(@DefaultValue("2MB") DataSize maxBody, @DefaultValue("8MB") DataSize maxInflated,
		@DefaultValue("1h") Duration checkInterval, @DefaultValue("1d") Duration softwareInterval,
		@DefaultValue("P14D") Duration staleAfter, @DefaultValue("120") int enrollAttempts,
		@DefaultValue("1m") Duration enrollWindow, @DefaultValue("0.95") double controlTarget,
		@DefaultValue("20MB") DataSize maxImport, List<String> userDomains) {

	public DevicesSettings {
		userDomains = userDomains == null ? List.of() : userDomains.stream().map(String::strip).filter(d -> !d.isEmpty()).toList();
	}
}
