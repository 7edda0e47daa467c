package io.charter.platform;

import java.time.Instant;

/** What became of a one-time link, as the module that issued it knows. */
public enum LinkState {
	/** Still works: only its addressee may have it. */
	LIVE,
	/** Used (or replaced by a newer link). */
	USED,
	EXPIRED;

	/** The state of a link that was used at {@code usedAt} (null: not yet) and works until {@code expiresAt}. */
	public static LinkState of(Instant usedAt, Instant expiresAt, Instant now) {
		return usedAt != null ? USED : expiresAt.isAfter(now) ? LIVE : EXPIRED;
	}
}
