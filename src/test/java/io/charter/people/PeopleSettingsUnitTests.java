package io.charter.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

class PeopleSettingsUnitTests {

	final PeopleSettings settings = new PeopleSettings(DataSize.ofKilobytes(1));

	/** A body without a length (chunked) that never ends: read one byte past the limit, no more. */
	@Test
	void aBodyOfUnknownLengthIsReadNoFurtherThanTheLimit() {
		Endless body = new Endless();
		assertThatThrownBy(() -> settings.importFile(body, -1)).isInstanceOfSatisfying(ResponseStatusException.class,
				e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
		assertThat(body.read).isEqualTo(1025);
	}

	@Test
	void aBodyAnnouncedLargerIsRefusedUnread() {
		Endless body = new Endless();
		assertThatThrownBy(() -> settings.importFile(body, 1025)).isInstanceOf(ResponseStatusException.class);
		assertThat(body.read).isZero();
	}

	@Test
	void aBodyWithinTheLimitIsReadWhole() throws IOException {
		assertThat(settings.importFile(InputStream.nullInputStream(), -1)).isEmpty();
		assertThat(settings.importFile(new java.io.ByteArrayInputStream(new byte[1024]), 1024)).hasSize(1024);
	}

	static final class Endless extends InputStream {

		long read;

		@Override
		public int read() {
			read++;
			return 'a';
		}
	}
}
