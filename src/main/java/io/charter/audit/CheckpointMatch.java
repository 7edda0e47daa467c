package io.charter.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the chain compares with the checkpoint a verification was given. */
public enum CheckpointMatch {

	/** The chain is intact up to the checkpoint's entry, which still has the anchored hash. */
	@JsonProperty("matched")
	MATCHED,

	/**
	 * The checkpoint's entry is missing, has another hash, or the chain up to it is broken: an entry
	 * at or before it was altered, removed or reordered since the checkpoint was made.
	 */
	@JsonProperty("mismatched")
	MISMATCHED,

	/** Verified without a checkpoint: the chain is consistent, which a database writer can arrange. */
	@JsonProperty("not-given")
	NOT_GIVEN
}
