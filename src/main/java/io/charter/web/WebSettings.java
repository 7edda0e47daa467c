package io.charter.web;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.charter.shared.ClientKey;

/**
 * {@code charter.web.*}.
 *
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} and
 *        {@code X-Forwarded-Proto} Charter believes, as addresses or CIDR ranges
 *        ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code 2001:db8::/64}); none by default, so that
 *        a client cannot choose the address every per-address limit counts. Read at start, also by
 *        the ahead-of-time processed build.
 * @param timeZone the organisation's time zone: pages show every date and time in it
 * @param maxJsonBody the largest JSON request body Charter reads (osquery and the consent log have
 *        their own); a larger one is answered 413
 */
@ConfigurationProperties("charter.web")
record WebSettings(List<String> trustedProxies, @DefaultValue("Europe/Brussels") ZoneId timeZone,
		@DefaultValue("2MB") DataSize maxJsonBody) {

	WebSettings {
		trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream()
				.map(String::strip).filter(p -> !p.isEmpty()).map(WebSettings::range).toList();
	}

	/** An address or range as the container's proxy check reads it: a CIDR range, host bits zeroed. */
	static String range(String proxy) {
		String[] parts = proxy.split("/", -1);
		String whole = ClientKey.network(parts[0], 32, 128);
		int most = whole.endsWith("/128") ? 128 : 32;
		Integer bits = parts.length == 1 ? Integer.valueOf(most)
				: parts.length == 2 && parts[1].matches("[0-9]{1,3}") ? Integer.valueOf(parts[1]) : null;
		if (whole.equals("unknown") || bits == null || bits > most) {
			throw new IllegalArgumentException("charter.web.trusted-proxies: " + proxy
					+ " is not an IP address or a CIDR range (10.0.0.5, 10.0.0.0/24, 2001:db8::/64).");
		}
		return ClientKey.network(parts[0], bits, bits);
	}

	/** The ranges as one list, the container's format. */
	String joined() {
		return String.join(",", trustedProxies);
	}
}
