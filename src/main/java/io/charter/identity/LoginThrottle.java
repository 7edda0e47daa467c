package io.charter.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing from one source: after too many failed sign-ins from an address,
 * further attempts are refused for a while with the same generic message. Addresses are kept
 * only as a keyed hash in memory (key made at start, never stored).
 */
class LoginThrottle extends OncePerRequestFilter {

	private final Cache<String, Bucket> buckets;
	private final int maxFailures;
	private final Duration window;
	private final byte[] key = new byte[32];

	LoginThrottle(int maxFailures, Duration window) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.buckets = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
		new SecureRandom().nextBytes(key);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !("POST".equals(request.getMethod()) && "/login".equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (bucket(request).getAvailableTokens() <= 0) {
			response.sendRedirect(request.getContextPath() + "/login?error");
			return;
		}
		chain.doFilter(request, response);
	}

	void recordFailure(HttpServletRequest request) {
		bucket(request).tryConsume(1);
	}

	private Bucket bucket(HttpServletRequest request) {
		return buckets.get(source(request), k -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(maxFailures).refillGreedy(maxFailures, window).build()).build());
	}

	private String source(HttpServletRequest request) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(request.getRemoteAddr().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
