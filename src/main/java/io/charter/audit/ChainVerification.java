package io.charter.audit;

/**
 * Result of checking the audit chain.
 *
 * @param valid whether every entry is intact and linked to the one before, and the chain agrees
 *        with the checkpoint when one was given
 * @param entries how many entries were checked
 * @param firstInvalid sequence number of the first entry that was altered, removed or reordered;
 *        with a mismatched checkpoint, the checkpoint's entry (the change is at or before it);
 *        null when valid
 * @param checkpoint how the chain compares with the checkpoint given
 */
public record ChainVerification(boolean valid, long entries, Long firstInvalid, CheckpointMatch checkpoint) {
}
