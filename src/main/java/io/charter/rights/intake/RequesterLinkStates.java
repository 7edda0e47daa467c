package io.charter.rights.intake;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.notify.OneTimeLink;
import io.charter.notify.OneTimeLinkIssuer;
import io.charter.rights.RequesterLinks;
import io.charter.rights.ResponsePackages;

/** Tells the outbox what became of the confirmation, withdrawal and download links of its letters. */
@Component
class RequesterLinkStates implements OneTimeLinkIssuer {

	private final RequesterLinks links;
	private final ResponsePackages packages;
	private final Clock clock;

	RequesterLinkStates(RequesterLinks links, ResponsePackages packages, Clock clock) {
		this.links = links;
		this.packages = packages;
		this.clock = clock;
	}

	@Override
	public Map<String, OneTimeLink.State> states(Set<String> secretHashes) {
		Map<String, OneTimeLink.State> states = new HashMap<>(links.states(secretHashes, clock.instant()));
		states.putAll(packages.states(secretHashes, clock.instant()));
		return states;
	}
}
