package io.charter.identity;

import java.security.SecureRandom;
import java.util.Base64;

import io.charter.notify.OneTimeLink;

/**
 * High-entropy secrets (API tokens, one-time links). Only their SHA-256 is stored: with 256 random
 * bits a fast hash is enough, unlike passwords.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	public static String generate(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The same hash the outbox knows one-time links by, so it can ask about an invitation it held. */
	public static String hash(String secret) {
		return OneTimeLink.sha256(secret);
	}
}
