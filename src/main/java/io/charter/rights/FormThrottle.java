package io.charter.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Limits how many requests the public form accepts from one source. The source is kept only as a
 * keyed hash of the client address, in memory, with a key made at start: no address is stored.
 * Per instance: behind a load balancer each instance counts on its own.
 */
final class FormThrottle {

	private final Cache<String, Bucket> buckets;
	private final int limit;
	private final java.time.Duration window;
	private final byte[] key = new byte[32];

	FormThrottle(int limit, java.time.Duration window) {
		this.limit = limit;
		this.window = window;
		this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
		new SecureRandom().nextBytes(key);
	}

	/** Takes one submission from the source's allowance; false when it is used up. */
	boolean tryAcquire(String clientAddress) {
		return buckets.get(source(clientAddress), k -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build()).build()).tryConsume(1);
	}

	private String source(String address) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
