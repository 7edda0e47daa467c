package io.charter.rights;

import java.util.List;

import io.charter.platform.OneTimeLinks.Purpose;

/** What the one-time links e-mailed to requesters are for (platform's {@code OneTimeLinks}). */
public final class RequesterLinkPurposes {

	/** Confirms the requester's address; a new one replaces the earlier ones. */
	public static final Purpose VERIFY = new Purpose("rights.verify");
	/** Withdraws the request; each open request's letter carries one of its own. */
	public static final Purpose WITHDRAW = new Purpose("rights.withdraw");
	public static final List<Purpose> ALL = List.of(VERIFY, WITHDRAW);

	private RequesterLinkPurposes() {
	}
}
