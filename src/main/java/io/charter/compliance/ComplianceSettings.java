package io.charter.compliance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code charter.compliance.*}.
 *
 * @param evidenceRetention how long a built evidence package's ZIP is kept after it was built; the
 *        same records give the same package again, so an old one is rebuilt rather than kept forever
 */
@ConfigurationProperties("charter.compliance")
record ComplianceSettings(@DefaultValue("90d") Duration evidenceRetention) {

	/** The organisation's time zone, in which the jobs run. */
	static final String ZONE = "${charter.web.time-zone:Europe/Brussels}";

	ComplianceSettings {
		if (evidenceRetention.isNegative() || evidenceRetention.isZero()) {
			throw new IllegalArgumentException("charter.compliance.evidence-retention must be positive");
		}
	}
}
