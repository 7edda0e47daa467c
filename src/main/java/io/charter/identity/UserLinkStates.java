package io.charter.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.notify.OneTimeLink;
import io.charter.notify.OneTimeLinkIssuer;

/** Tells the outbox whether the invitation links it held were used or expired. */
@Component
class UserLinkStates implements OneTimeLinkIssuer {

	private final UserLinks links;
	private final Clock clock;

	UserLinkStates(UserLinks links, Clock clock) {
		this.links = links;
		this.clock = clock;
	}

	@Override
	public Map<String, OneTimeLink.State> states(Set<String> secretHashes) {
		return links.states(secretHashes, clock.instant());
	}
}
