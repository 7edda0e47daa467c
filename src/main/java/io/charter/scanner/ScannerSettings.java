package io.charter.scanner;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code charter.scanner.*}.
 *
 * @param chromium the browser (environment {@code CHROME_BIN} when set)
 * @param chromedriver its driver, of the same version (environment {@code CHROMEDRIVER} when set)
 * @param maxPages pages a scan visits at most (each three times)
 * @param maxDuration a scan is stopped after this long, with what it saw so far
 * @param pageTimeout one page's load at most
 * @param maxPageSize a page whose document is larger is not examined
 * @param browserMemory the JavaScript heap each page may use
 * @param maxPageTransfer what one page's visit may download (its document and everything it loads),
 *        counted while it loads: past it the visit is cut off and the page not examined
 * @param allowPrivateAddresses lets a scan reach every loopback and private address: for test setups
 *        only (a test website on loopback on ports chosen at random), a scan could otherwise reach the
 *        server's own network; link-local addresses (metadata services) stay refused
 * @param allowedPrivateAddresses the private addresses a scan may reach anyway, each as
 *        {@code address:port} ({@code [::1]:8443} for IPv6): a staging site
 * @param heartbeat how often the instance running a scan says it is alive
 * @param silentAfter a running scan silent this long has lost its instance and is marked interrupted;
 *        more than twice {@code heartbeat}, so one late beat (a busy database's pause) does not end a
 *        scan that is still running
 */
@ConfigurationProperties("charter.scanner")
record ScannerSettings(@DefaultValue("/usr/bin/chromium") String chromium,
		@DefaultValue("/usr/bin/chromedriver") String chromedriver, @DefaultValue("50") int maxPages,
		@DefaultValue("PT20M") Duration maxDuration, @DefaultValue("PT30S") Duration pageTimeout,
		@DefaultValue("5MB") DataSize maxPageSize, @DefaultValue("512MB") DataSize browserMemory,
		@DefaultValue("50MB") DataSize maxPageTransfer, @DefaultValue("false") boolean allowPrivateAddresses,
		@DefaultValue("") List<String> allowedPrivateAddresses, @DefaultValue("PT30S") Duration heartbeat,
		@DefaultValue("PT3M") Duration silentAfter) {

	ScannerSettings {
		if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
			throw new IllegalArgumentException("charter.scanner.heartbeat must be positive: " + heartbeat);
		}
		if (silentAfter == null || silentAfter.compareTo(heartbeat.multipliedBy(2)) <= 0) {
			throw new IllegalArgumentException("charter.scanner.silent-after (" + silentAfter
					+ ") must be more than twice charter.scanner.heartbeat (" + heartbeat + ")");
		}
		allowedPrivateAddresses = allowedPrivateAddresses == null ? List.of()
				: allowedPrivateAddresses.stream().filter(a -> !a.isBlank()).toList();
		allowedPrivateAddresses.forEach(ScannerSettings::socketAddress);
	}

	static ScannerSettings defaults() {
		return new ScannerSettings("/usr/bin/chromium", "/usr/bin/chromedriver", 50, Duration.ofMinutes(20),
				Duration.ofSeconds(30), DataSize.ofMegabytes(5), DataSize.ofMegabytes(512), DataSize.ofMegabytes(50),
				false, List.of(), Duration.ofSeconds(30), Duration.ofMinutes(3));
	}

	/** The private addresses this scan may reach: all (tests), those listed, or none. */
	Egress.Allowance allowance() {
		if (allowPrivateAddresses) {
			return address -> true;
		}
		Set<InetSocketAddress> listed = allowedPrivateAddresses.stream().map(ScannerSettings::socketAddress)
				.collect(Collectors.toUnmodifiableSet());
		return address -> listed.contains(new InetSocketAddress(Addresses.embedded(address.getAddress()), address.getPort()));
	}

	private static InetSocketAddress socketAddress(String hostAndPort) {
		URI u = URI.create("tcp://" + hostAndPort.trim());
		if (u.getHost() == null || u.getPort() <= 0) {
			throw new IllegalArgumentException("charter.scanner.allowed-private-addresses: not address:port: " + hostAndPort);
		}
		String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
		try {
			return new InetSocketAddress(Addresses.embedded(InetAddress.getByName(host)), u.getPort());
		}
		catch (UnknownHostException unknown) {
			throw new IllegalArgumentException("charter.scanner.allowed-private-addresses: unknown " + host, unknown);
		}
	}

	/** Both programs are there and runnable: else the scanner pages say how to install them. */
	boolean browserInstalled() {
		return new java.io.File(chromium).canExecute() && new java.io.File(chromedriver).canExecute();
	}
}
