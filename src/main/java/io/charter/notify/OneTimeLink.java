package io.charter.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A link in a message that lets its addressee act once or for a while without signing in (an
 * invitation, a requester's confirmation, withdrawal or download link): its address and the secret
 * in it. Whoever reads the outbox sees the address with the secret masked; the secret itself is
 * kept only until the message is sent. Afterwards the outbox knows the link by the SHA-256 of its
 * secret, the way the module that issued it stores it, and asks that module what became of it
 * ({@link OneTimeLinkIssuer}).
 *
 * @param url the whole address, secret included
 * @param secret the part of the address that must not be shown to anyone but the addressee
 */
public record OneTimeLink(String url, String secret) {

	/** What readers of the outbox see in place of the secret. */
	public static final String MASK = "••••••••";

	/** What became of a link, as the module that issued it knows. */
	public enum State {
		/** Still works: only its addressee may have it. */
		LIVE,
		/** Used (or replaced by a newer link). */
		USED,
		EXPIRED;

		/** The state of a link that was used at {@code usedAt} (null: not yet) and works until {@code expiresAt}. */
		public static State of(Instant usedAt, Instant expiresAt, Instant now) {
			return usedAt != null ? USED : expiresAt.isAfter(now) ? LIVE : EXPIRED;
		}
	}

	public OneTimeLink {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secret, "secret");
		// A short "secret" would mask ordinary text of the address; one absent from it would mask nothing.
		if (secret.length() < 32 || !url.contains(secret)) {
			throw new IllegalArgumentException("A one-time link needs a secret of 32+ characters inside its address");
		}
	}

	/** The address as readers of the outbox see it. */
	public String masked() {
		return url.replace(secret, MASK);
	}

	/** Lower-case hex SHA-256 of the secret's UTF-8 bytes: how issuers store the secret, and how the outbox asks about it. */
	public String secretHash() {
		return sha256(secret);
	}

	/** The hash {@link #secretHash()} gives, for issuers that store their secrets by it. */
	public static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		// Never print the secret, whoever logs this record.
		return "OneTimeLink[" + masked() + "]";
	}
}
