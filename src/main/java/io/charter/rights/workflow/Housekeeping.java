package io.charter.rights.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.charter.platform.OneTimeLinks;
import io.charter.rights.DataSubjectRequest;
import io.charter.rights.DataSubjectRequests;
import io.charter.rights.RequestChanges;
import io.charter.rights.RequesterLinkPurposes;
import io.charter.rights.ResponsePackages;
import io.charter.rights.RightsEvent;
import io.charter.rights.RightsSettings;
import io.charter.rights.StepNotAllowed;
import io.charter.rights.fulfilment.SystemDatasets;
import io.charter.shared.Actors;

/**
 * Nightly clean-up. Form requests whose address was never confirmed before the link expired close
 * as unconfirmed. Retention: the content of response packages goes when their link expires; closed
 * requests are anonymised when the retention period after closing ends (type, dates, states and
 * outcome stay); data sent by connected systems go once the request is closed and no package can
 * be downloaded; spent links are deleted after a month.
 */
@Component
public class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final DataSubjectRequests requests;
	private final ResponsePackages packages;
	private final SystemDatasets systemData;
	private final RequestChanges changes;
	private final RightsSettings settings;
	private final OneTimeLinks links;

	Housekeeping(DataSubjectRequests requests, ResponsePackages packages, SystemDatasets systemData,
			RequestChanges changes, RightsSettings settings, OneTimeLinks links) {
		this.requests = requests;
		this.packages = packages;
		this.systemData = systemData;
		this.changes = changes;
		this.settings = settings;
		this.links = links;
	}

	@Transactional
	public int run() {
		Instant now = changes.now();
		int unconfirmed = closeUnconfirmed(now);
		int purged = packages.purgeExpired(now);
		// Systems' data stay while a package could be rebuilt or downloaded, not after.
		purged += systemData.deleteSpent();
		int anonymised = 0;
		for (UUID id : requests.closedBefore(now.minus(settings.retention()), 500)) {
			requests.anonymise(id, now);
			changes.log(id, Actors.SYSTEM, RightsEvent.RequestAnonymised.VERB,
					"requester's data removed after the retention period", null);
			anonymised++;
		}
		for (OneTimeLinks.Purpose purpose : RequesterLinkPurposes.ALL) {
			links.deleteExpired(purpose, now.minus(java.time.Duration.ofDays(30)));
		}
		if (unconfirmed + purged + anonymised > 0) {
			log.info("Rights housekeeping: {} unconfirmed request(s) closed, {} package(s) or system dataset(s) emptied, {} request(s) anonymised",
					unconfirmed, purged, anonymised);
		}
		return unconfirmed + purged + anonymised;
	}

	private int closeUnconfirmed(Instant now) {
		int closed = 0;
		List<UUID> candidates = requests.unconfirmedBefore(now.minus(settings.verificationValidity()), 500);
		Set<UUID> stillConfirmable = links.withUsableLink(RequesterLinkPurposes.VERIFY, candidates);
		for (UUID id : candidates) {
			if (stillConfirmable.contains(id)) {
				continue; // a verification link sent again later can still confirm it
			}
			DataSubjectRequest r = changes.load(id);
			try {
				r.closeUnconfirmed(now, changes.today());
				changes.save(r, Actors.SYSTEM);
				closed++;
			}
			catch (StepNotAllowed changedMeanwhile) {
				// Someone confirmed or handled it since the query: it is no longer ours to close.
			}
		}
		return closed;
	}
}
