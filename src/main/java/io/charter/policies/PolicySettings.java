package io.charter.policies;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acknowledgeWithin the time a person has to acknowledge a newly published version (or, for a
 *        joiner, from their start date); {@code charter.policies.acknowledge-within}, default 30 days
 */
@ConfigurationProperties("charter.policies")
record PolicySettings(@DefaultValue("P30D") Period acknowledgeWithin) {
}
