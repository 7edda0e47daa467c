package io.charter.scanner;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Which addresses a scan may visit: public ones, unless an administrator allowed private ones for testing. */
final class Addresses {

	private Addresses() {
	}

	/** Throws {@link ScanRefused} when the URL's host resolves to a loopback, private or link-local address. */
	static void checkPublic(URI url, boolean allowPrivate) {
		if (allowPrivate) {
			return;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
				if (isPrivate(address)) {
					throw new ScanRefused("private address " + address.getHostAddress() + " of " + url.getHost());
				}
			}
		}
		catch (UnknownHostException unknown) {
			throw new ScanRefused("unknown host " + url.getHost());
		}
	}

	static boolean isPrivate(InetAddress a) {
		boolean uniqueLocal = a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
		boolean sharedOrBenchmark = a.getAddress().length == 4 && ((a.getAddress()[0] & 0xff) == 100
				&& (a.getAddress()[1] & 0xc0) == 64 || (a.getAddress()[0] & 0xff) == 198 && (a.getAddress()[1] & 0xfe) == 18);
		return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
				|| a.isMulticastAddress() || uniqueLocal || sharedOrBenchmark;
	}
}
