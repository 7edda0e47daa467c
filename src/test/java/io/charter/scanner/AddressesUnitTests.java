package io.charter.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesUnitTests {

	@ParameterizedTest
	@CsvSource({ "127.0.0.1,true", "10.1.2.3,true", "172.16.0.1,true", "192.168.1.1,true", "169.254.169.254,true",
			"100.64.0.1,true", "0.0.0.0,true", "::1,true", "fd00::1,true", "fe80::1,true", "93.184.216.34,false",
			"2606:4700::1111,false" })
	void privateAndLoopbackAddressesAreRecognised(String address, boolean isPrivate) throws Exception {
		assertThat(Addresses.isPrivate(InetAddress.getByName(address))).isEqualTo(isPrivate);
	}

	@ParameterizedTest
	@CsvSource({ "http://127.0.0.1:8080/", "http://localhost/", "http://10.0.0.5/" })
	void aScanRefusesThemUnlessAllowed(String url) {
		assertThatExceptionOfType(ScanRefused.class).isThrownBy(() -> Addresses.checkPublic(URI.create(url), false));
		Addresses.checkPublic(URI.create(url), true);
	}
}
