package io.charter.rights;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.shared.Actors;

/**
 * Retention: the content of response packages goes when their link expires; closed requests are
 * anonymised when the retention period after closing ends (type, dates, states and outcome stay);
 * spent verification links are deleted after a month.
 */
@Component
class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final DataSubjectRequests requests;
	private final ResponsePackages packages;
	private final RequestChanges changes;
	private final RightsSettings settings;
	private final JdbcClient jdbc;

	Housekeeping(DataSubjectRequests requests, ResponsePackages packages, RequestChanges changes, RightsSettings settings,
			JdbcClient jdbc) {
		this.requests = requests;
		this.packages = packages;
		this.changes = changes;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Transactional
	public int run() {
		Instant now = changes.now();
		int purged = packages.purgeExpired(now);
		int anonymised = 0;
		for (UUID id : requests.closedBefore(now.minus(settings.retention()), 500)) {
			requests.anonymise(id, now);
			changes.log(id, Actors.SYSTEM, "anonymised", "requester's data removed after the retention period", null);
			anonymised++;
		}
		jdbc.sql("delete from rights_link where expires_at < :cutoff")
				.param("cutoff", DataSubjectRequests.odt(now.minus(java.time.Duration.ofDays(30)))).update();
		if (purged + anonymised > 0) {
			log.info("Rights retention: {} package(s) emptied, {} request(s) anonymised", purged, anonymised);
		}
		return purged + anonymised;
	}
}
