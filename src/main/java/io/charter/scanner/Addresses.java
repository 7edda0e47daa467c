package io.charter.scanner;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses a scan may reach: public ones; private and loopback ones only where an administrator
 * allowed them (a staging site, a test website); link-local ones (the cloud metadata service at
 * 169.254.169.254 among them), the unspecified address, multicast and broadcast never. An IPv6 address
 * carrying an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by the IPv4 address it carries.
 */
final class Addresses {

	private Addresses() {
	}

	/** Not public: a scan reaches it only when allowed, if ever (see {@link #neverReached}). */
	static boolean isPrivate(InetAddress address) {
		InetAddress a = embedded(address);
		byte[] b = a.getAddress();
		boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
		boolean sharedOrBenchmark = b.length == 4
				&& ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 198 && (b[1] & 0xfe) == 18);
		return a.isLoopbackAddress() || a.isSiteLocalAddress() || uniqueLocal || sharedOrBenchmark || neverReached(a);
	}

	/** Never reached, whatever is allowed: link-local (metadata services), unspecified, multicast, broadcast. */
	static boolean neverReached(InetAddress address) {
		InetAddress a = embedded(address);
		byte[] b = a.getAddress();
		boolean thisNetwork = b.length == 4 && b[0] == 0;
		boolean broadcast = b.length == 4 && Arrays.equals(b, new byte[] { -1, -1, -1, -1 });
		return a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress() || thisNetwork || broadcast;
	}

	/** The IPv4 address an IPv6 one carries (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d, 2002:aabb:ccdd::), else itself. */
	static InetAddress embedded(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] b = address.getAddress();
		boolean zeroPrefix = allZero(b, 0, 10);
		boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15);
		boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
				&& allZero(b, 4, 12);
		try {
			if (mapped || compatible || nat64) {
				return Inet4Address.getByAddress(Arrays.copyOfRange(b, 12, 16));
			}
			if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
				return Inet4Address.getByAddress(Arrays.copyOfRange(b, 2, 6));
			}
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
		return address;
	}

	private static boolean allZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}
}
