package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesUnitTests {

	@ParameterizedTest
	@CsvSource({ "127.0.0.1,true", "127.9.9.9,true", "10.1.2.3,true", "172.16.0.1,true", "172.31.255.255,true",
			"192.168.1.1,true", "169.254.169.254,true", "100.64.0.1,true", "0.0.0.0,true", "::1,true", "fd00::1,true",
			"fc00::1,true", "fe80::1,true", "::ffff:127.0.0.1,true", "::ffff:169.254.169.254,true", "::127.0.0.1,true",
			"64:ff9b::a00:1,true", "2002:a9fe:a9fe::1,true", "93.184.216.34,false", "172.32.0.1,false",
			"2606:4700::1111,false", "::ffff:93.184.216.34,false" })
	void privateAndLoopbackAddressesAreRecognisedInEveryForm(String address, boolean isPrivate) throws Exception {
		assertThat(Addresses.isPrivate(InetAddress.getByName(address))).isEqualTo(isPrivate);
	}

	@ParameterizedTest
	@CsvSource({ "169.254.169.254,true", "::ffff:169.254.169.254,true", "fe80::1,true", "0.0.0.0,true", "::,true",
			"224.0.0.1,true", "127.0.0.1,false", "10.0.0.5,false", "93.184.216.34,false" })
	void linkLocalUnspecifiedAndMulticastAreNeverReached(String address, boolean never) throws Exception {
		assertThat(Addresses.neverReached(InetAddress.getByName(address))).isEqualTo(never);
	}
}
