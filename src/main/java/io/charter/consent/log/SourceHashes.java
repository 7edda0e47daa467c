package io.charter.consent.log;

import static io.charter.platform.Utc.odt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.charter.shared.ClientKey;


/**
 * Turns a client address into the only trace of it a consent record keeps: the address is cut to
 * its network (IPv4 /24, IPv6 /48), then hashed with HMAC-SHA256 under a key kept in the database
 * ({@code consent_secret}, made once by the first instance that needs it). The same network gives
 * the same hash on every instance and after restarts, so the rate limit and an investigation of
 * abuse work; without the key the hash cannot be reversed by trying the 2^24 IPv4 networks.
 */
@Component
class SourceHashes {

	private static final Logger log = LoggerFactory.getLogger(SourceHashes.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile SecretKeySpec key;
	private final ThreadLocal<Mac> macs = new ThreadLocal<>();

	SourceHashes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The key is read at start, so that no consent write waits for the database to get it. */
	@EventListener(ApplicationReadyEvent.class)
	void readKey() {
		try {
			key();
		}
		catch (RuntimeException failed) {
			log.warn("The source hash key was not read at start; the first consent write will: {}", failed.toString());
		}
	}

	/** The keyed hash (64 hex digits) of the network of a client address. */
	String hash(String remoteAddress) {
		Mac mac = macs.get();
		if (mac == null) {
			try {
				mac = Mac.getInstance("HmacSHA256");
				mac.init(key());
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
			macs.set(mac);
		}
		return HexFormat.of().formatHex(mac.doFinal(network(remoteAddress).getBytes(StandardCharsets.UTF_8)));
	}

	/** {@code 203.0.113.0/24}, {@code 2001:db8:1:0:0:0:0:0/48}; {@code unknown} for anything else. */
	static String network(String address) {
		return ClientKey.network(address, 24, 48);
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			synchronized (this) {
				if (key == null) {
					key = new SecretKeySpec(HexFormat.of().parseHex(loadOrCreate()), "HmacSHA256");
				}
				current = key;
			}
		}
		return current;
	}

	private String loadOrCreate() {
		var stored = jdbc.sql("select secret from consent_secret where id = 1").query(String.class).optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			jdbc.sql("insert into consent_secret (id, secret, created_at) values (1, :secret, :at)")
					.param("secret", HexFormat.of().formatHex(secret))
					.param("at", odt(clock.instant())).update();
		}
		catch (DuplicateKeyException anotherInstanceWasFirst) {
			// read theirs below
		}
		return jdbc.sql("select secret from consent_secret where id = 1").query(String.class).single();
	}
}
