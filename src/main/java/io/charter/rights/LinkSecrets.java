package io.charter.rights;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import io.charter.notify.OneTimeLink;

/**
 * Secrets of e-mailed links (verification, download): 256 random bits, so only their SHA-256 is
 * stored and a fast hash is enough. Guessing one is as hard as forging a signature.
 */
public final class LinkSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private LinkSecrets() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The same hash the outbox knows one-time links by, so it can ask about a letter's links. */
	public static String hash(String secret) {
		return OneTimeLink.sha256(secret);
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Only link-shaped input reaches the database. */
	public static boolean wellFormed(String secret) {
		return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
	}
}
