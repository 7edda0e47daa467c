package io.charter.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of an entry: SHA-256 over the previous hash and every field, each prefixed with its
 * length so that no two different entries give the same input.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String prevHash, long seq, Instant occurredAt, String actor, String action, String entityType,
			String entityId, String summary) {
		String input = framed(prevHash, Long.toString(seq), micros(occurredAt), actor, action, entityType,
				entityId == null ? "" : entityId, summary);
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The fields as one text in which no two different lists of fields look alike. */
	static String framed(String... fields) {
		StringBuilder input = new StringBuilder();
		for (String field : fields) {
			input.append(field.length()).append(':').append(field).append('|');
		}
		return input.toString();
	}

	static String hash(AuditEntry e) {
		return hash(e.prevHash(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(),
				e.summary());
	}

	static String micros(Instant instant) {
		return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
	}
}
