package io.charter.audit;

/**
 * Result of checking the audit chain.
 *
 * @param valid whether every entry is intact and linked to the one before
 * @param entries how many entries were checked
 * @param firstInvalid sequence number of the first entry that was altered, removed or reordered;
 *        null when valid
 */
public record ChainVerification(boolean valid, long entries, Long firstInvalid) {
}
