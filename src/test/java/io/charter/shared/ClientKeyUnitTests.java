package io.charter.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientKeyUnitTests {

	@Test
	void twoIpv6AddressesOfOneSlash64AreOneClient() {
		assertThat(ClientKey.of("2001:db8:1:2::1")).isEqualTo(ClientKey.of("2001:db8:1:2:ffff:ffff:ffff:fffe"))
				.isEqualTo(ClientKey.of("[2001:0db8:0001:0002:0000:0000:0000:0009]"));
		assertThat(ClientKey.of("2001:db8:1:2::1")).isNotEqualTo(ClientKey.of("2001:db8:1:3::1"));
	}

	@Test
	void ipv4AddressesCountWhole() {
		assertThat(ClientKey.of("203.0.113.7")).isEqualTo(ClientKey.of("::ffff:203.0.113.7"))
				.isNotEqualTo(ClientKey.of("203.0.113.8"));
	}

	@Test
	void holdsNoAddressOnlyAKeyedHash() {
		ClientKey key = ClientKey.of("203.0.113.7");
		assertThat(key.value()).matches("[0-9a-f]{64}").doesNotContain("203");
		assertThat(key.toString()).doesNotContain("203.0.113");
	}

	@Test
	void aClientAtAnAccountIsNeitherTheClientNorAnotherAccount() {
		ClientKey client = ClientKey.of("203.0.113.7");
		assertThat(client.at("ana@example.test")).isEqualTo(ClientKey.of("203.0.113.7").at("ana@example.test"))
				.isNotEqualTo(client).isNotEqualTo(client.at("bob@example.test"))
				.isNotEqualTo(ClientKey.of("203.0.113.8").at("ana@example.test"));
		assertThat(client.at("ana@example.test").value()).doesNotContain("ana");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"203.0.113.77|32|64|203.0.113.77/32",
			"203.0.113.77|24|48|203.0.113.0/24",
			"2001:db8:1234:5678:9abc::1|32|64|2001:db8:1234:5678:0:0:0:0/64",
			"2001:db8:1234:5678:9abc::1|24|48|2001:db8:1234:0:0:0:0:0/48",
			"2001:db8:1234:5678:9abc::1|32|128|2001:db8:1234:5678:9abc:0:0:1/128",
			"10.1.2.3|8|64|10.0.0.0/8",
			"::1|32|64|0:0:0:0:0:0:0:0/64",
			"localhost|32|64|unknown",
			"example.com|32|64|unknown",
			"cafe:zz|32|64|unknown",
			"1.2.3|32|64|unknown",
			"''|32|64|unknown" })
	void cutsAnAddressToItsNetworkAndNeverResolvesANAme(String address, int ipv4Bits, int ipv6Bits, String network) {
		assertThat(ClientKey.network(address, ipv4Bits, ipv6Bits)).isEqualTo(network);
	}
}
