package io.charter.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * High-entropy secrets (API tokens, one-time links). Only their SHA-256 is stored: with 256 random
 * bits a fast hash is enough, unlike passwords.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String generate(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
