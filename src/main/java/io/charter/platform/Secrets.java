package io.charter.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * High-entropy secrets (one-time links, API tokens): 256 random bits, so only their SHA-256 is
 * stored and a fast hash is enough, unlike passwords. Guessing one is as hard as forging a
 * signature. Every module and the outbox hash secrets here, so they know a link by the same hash.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** 43 URL-safe characters. */
	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A secret after a prefix that tells its kind (an API token's). */
	public static String generate(String prefix) {
		return prefix + generate();
	}

	/** Lower-case hex SHA-256 of the secret's UTF-8 bytes: what is stored instead of the secret. */
	public static String hash(String secret) {
		return sha256(secret.getBytes(StandardCharsets.UTF_8));
	}

	/** Lower-case hex SHA-256 of any bytes (a response package's, named in its letter so a copy can be checked). */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether the input could be a secret of {@link #generate()}: only such input reaches the database. */
	public static boolean wellFormed(String secret) {
		return secret != null && secret.matches("[A-Za-z0-9_-]{43}");
	}
}
