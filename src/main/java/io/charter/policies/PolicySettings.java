package io.charter.policies;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acknowledgeWithin the time a person has to acknowledge a newly published version (or, for a
 *        joiner, from their start date); {@code charter.policies.acknowledge-within}, default 30 days
 * @param remindEvery how often a person who has not acknowledged is reminded (the reminder's
 *        link lives as long); {@code charter.policies.remind-every}, default 7 days
 */
@ConfigurationProperties("charter.policies")
record PolicySettings(@DefaultValue("P30D") Period acknowledgeWithin, @DefaultValue("7d") Duration remindEvery) {
}
