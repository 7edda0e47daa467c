package io.charter.people;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code charter.people.*}.
 *
 * @param maxImport the largest CSV file the API's import reads (about 30,000 people at the
 *        default); a larger one is answered 413 without being read
 */
@ConfigurationProperties("charter.people")
record PeopleSettings(@DefaultValue("5MB") DataSize maxImport) {

	/**
	 * The import's body, read up to the limit and no further: the file is parsed from memory, so an
	 * unbounded one could exhaust it. A body announced larger is refused unread.
	 */
	byte[] importFile(InputStream body, long announcedLength) throws IOException {
		long max = maxImport.toBytes();
		if (announcedLength > max) {
			throw tooLarge();
		}
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (bytes.length > max) {
			throw tooLarge();
		}
		return bytes;
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The file is larger than the import reads (charter.people.max-import, " + maxImport.toKilobytes() + " KB).");
	}
}
