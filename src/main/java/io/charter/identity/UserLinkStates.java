package io.charter.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.charter.notify.OneTimeLinkIssuer;
import io.charter.platform.LinkState;
import io.charter.platform.OneTimeLinks;

/** Tells the outbox whether the invitation and reset links it held were used or expired. */
@Component
class UserLinkStates implements OneTimeLinkIssuer {

	/** An invitation (or a renewed one): its user sets a password through it. */
	static final OneTimeLinks.Purpose INVITE = new OneTimeLinks.Purpose("identity.invite");

	/** A password reset: its user chooses a new password through it. */
	static final OneTimeLinks.Purpose RESET = new OneTimeLinks.Purpose("identity.reset");

	private final OneTimeLinks links;

	UserLinkStates(OneTimeLinks links) {
		this.links = links;
	}

	@Override
	public Map<String, LinkState> states(Set<String> secretHashes) {
		return links.states(List.of(INVITE, RESET), secretHashes);
	}
}
