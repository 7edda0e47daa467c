package io.charter.audit;

import java.time.Instant;

/**
 * An anchor of the audit chain outside the database: entry {@code seq} had the hash {@code hash}
 * at {@code at}, signed with {@code mac}, an HMAC-SHA256 under a key the database does not hold.
 * Since every entry's hash covers the one before it, a checkpoint fixes every entry up to
 * {@code seq}: whoever can write to the database but lacks the key cannot rewrite them and make
 * a checkpoint that agrees. Published as one JSON line: {@code {"seq":…,"hash":"…","at":"…","mac":"…"}}.
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String mac) {
}
