package io.charter.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of Charter's webhooks, the one wire format every module that calls out or is
 * called back uses: {@code X-Charter-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>}
 * with {@code X-Charter-Timestamp: <epoch seconds>}. The timestamp is inside the signature, so an
 * old message cannot be replayed outside the tolerance.
 */
public final class WebhookSignature {

	public static final String SIGNATURE = "X-Charter-Signature";
	public static final String TIMESTAMP = "X-Charter-Timestamp";

	private WebhookSignature() {
	}

	public static String sign(String secret, long timestamp, byte[] body) {
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

	public static boolean valid(String secret, String timestamp, String signature, byte[] body, Instant now, Duration tolerance) {
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
