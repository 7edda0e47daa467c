package io.charter.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries and checks callbacks, both ways with the system's shared secret:
 * {@code X-Charter-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>} with
 * {@code X-Charter-Timestamp: <epoch seconds>}. The timestamp is inside the signature, so an old
 * message cannot be replayed outside the tolerance.
 */
final class WebhookSignature {

	static final String SIGNATURE = "X-Charter-Signature";
	static final String TIMESTAMP = "X-Charter-Timestamp";

	private WebhookSignature() {
	}

	static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean valid(String secret, String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
		if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		long at = Long.parseLong(timestamp);
		if (Math.abs(now.getEpochSecond() - at) > tolerance.toSeconds()) {
			return false;
		}
		byte[] expected = sign(secret, at, body).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
	}
}
