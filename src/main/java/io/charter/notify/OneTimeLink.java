package io.charter.notify;

import java.util.Objects;

import io.charter.platform.Secrets;

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

	/** The hash {@link #secretHash()} gives: {@link Secrets#hash(String)}, how issuers store their secrets. */
	public static String sha256(String secret) {
		return Secrets.hash(secret);
	}

	@Override
	public String toString() {
		// Never print the secret, whoever logs this record.
		return "OneTimeLink[" + masked() + "]";
	}
}
