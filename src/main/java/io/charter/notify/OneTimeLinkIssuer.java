package io.charter.notify;

import java.util.Map;
import java.util.Set;

import io.charter.platform.LinkState;

/**
 * Implemented by a module that sends one-time links ({@link OneTimeLink}), so the outbox can say
 * whether a link it once held still works without keeping the link: it knows each one only by the
 * hash of its secret. The outbox collects every implementation; notify depends on none of them.
 */
public interface OneTimeLinkIssuer {

	/**
	 * What became of the links this module issued among the given ones.
	 *
	 * @param secretHashes {@link OneTimeLink#sha256(String) SHA-256} (lower-case hex) of the secrets
	 * @return the state of each hash this module knows; hashes it did not issue are left out
	 */
	Map<String, LinkState> states(Set<String> secretHashes);
}
