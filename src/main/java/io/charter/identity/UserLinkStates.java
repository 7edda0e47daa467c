package io.charter.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.notify.OneTimeLinkIssuer;
import io.charter.platform.LinkState;
import io.charter.platform.OneTimeLinks;

/** Tells the outbox whether the invitation links it held were used or expired. */
@Component
class UserLinkStates implements OneTimeLinkIssuer {

	/** An invitation (or a renewed one): its user sets a password through it. */
	static final OneTimeLinks.Purpose INVITE = new OneTimeLinks.Purpose("identity.invite");

	private final OneTimeLinks links;

	UserLinkStates(OneTimeLinks links) {
		this.links = links;
	}

	@Override
	public Map<String, LinkState> states(Set<String> secretHashes) {
		return links.states(List.of(INVITE), secretHashes);
	}
}
