package io.charter.rights.intake;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.notify.OneTimeLinkIssuer;
import io.charter.platform.LinkState;
import io.charter.platform.OneTimeLinks;
import io.charter.rights.RequesterLinkPurposes;
import io.charter.rights.ResponsePackages;

/** Tells the outbox what became of the confirmation, withdrawal and download links of its letters. */
@Component
class RequesterLinkStates implements OneTimeLinkIssuer {

	private final OneTimeLinks links;
	private final ResponsePackages packages;
	private final Clock clock;

	RequesterLinkStates(OneTimeLinks links, ResponsePackages packages, Clock clock) {
		this.links = links;
		this.packages = packages;
		this.clock = clock;
	}

	@Override
	public Map<String, LinkState> states(Set<String> secretHashes) {
		Map<String, LinkState> states = new HashMap<>(links.states(RequesterLinkPurposes.ALL, secretHashes));
		states.putAll(packages.states(secretHashes, clock.instant()));
		return states;
	}
}
