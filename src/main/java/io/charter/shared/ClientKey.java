package io.charter.shared;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client a per-address limit counts (sign-in delays, the public request form): its address as
 * the container resolved it (the connection's peer, or the client a trusted proxy named), IPv4
 * whole and IPv6 cut to its /64, the network one subscriber holds, since a host there may take any
 * of its 2^64 addresses at will. The key is a keyed hash of that network under a key made when
 * Charter starts and never stored: no limit holds an address, not even in memory. Anything that
 * is not an address literal counts as one client, {@code unknown}.
 *
 * @param value the keyed hash, 64 hex digits
 */
public record ClientKey(String value) {

	private static final String HMAC = "HmacSHA256";
	private static final SecretKeySpec KEY = newKey();
	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");

	/** The key of the client at a remote address ({@code ServletRequest.getRemoteAddr()}). */
	public static ClientKey of(String address) {
		return new ClientKey(hash(network(address, 32, 64)));
	}

	/**
	 * This client at one thing, e.g. the account it signs in to: a key of its own, which holds
	 * the thing only hashed.
	 */
	public ClientKey at(String thing) {
		return new ClientKey(hash(value + '\n' + thing));
	}

	/**
	 * The network of an address cut to a prefix, e.g. {@code 203.0.113.0/24} or
	 * {@code 2001:db8:1:0:0:0:0:0/48}; {@code unknown} for anything but an IPv4 or IPv6 literal
	 * (a host name is never resolved). The one parser of client addresses, for modules that keep a
	 * coarser trace of them.
	 */
	public static String network(String address, int ipv4Bits, int ipv6Bits) {
		String literal = address == null ? "" : address.strip();
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		// Literals only: InetAddress resolves anything else as a host name.
		if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
			return "unknown";
		}
		try {
			InetAddress parsed = InetAddress.getByName(literal);
			int bits = parsed instanceof Inet4Address ? ipv4Bits : ipv6Bits;
			byte[] bytes = parsed.getAddress();
			for (int i = 0; i < bytes.length; i++) {
				int kept = Math.max(0, Math.min(8, bits - 8 * i));
				bytes[i] &= (byte) (0xFF << (8 - kept));
			}
			return InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
		}
		catch (UnknownHostException e) {
			return "unknown";
		}
	}

	private static String hash(String text) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(KEY);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static SecretKeySpec newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new SecretKeySpec(key, HMAC);
	}
}
