package io.charter.devices.osquery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.charter.shared.RuleViolation;

/**
 * Reads a request body osquery sent, plain or gzip ({@code Content-Encoding: gzip}, which osqueryd
 * uses with {@code --logger_tls_compress}), within two limits: the bytes as sent, and the bytes
 * once inflated, so neither a large body nor a small compressed bomb is held in memory.
 */
final class OsqueryBody {

	private OsqueryBody() {
	}

	static byte[] read(InputStream in, String contentEncoding, long declaredLength, long maxBody, long maxInflated)
			throws IOException {
		if (declaredLength > maxBody) {
			throw tooLarge();
		}
		byte[] sent = readAtMost(in, maxBody);
		if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.equalsIgnoreCase("identity")) {
			return sent;
		}
		if (!contentEncoding.strip().equalsIgnoreCase("gzip")) {
			throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Only gzip bodies are accepted.");
		}
		try (InputStream inflating = new GZIPInputStream(new java.io.ByteArrayInputStream(sent))) {
			return readAtMost(inflating, maxInflated);
		}
		catch (ZipException | java.io.EOFException e) {
			throw new RuleViolation("The body is not valid gzip.");
		}
	}

	/** The stream's bytes, refused with 413 past {@code max}. */
	private static byte[] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		long total = 0;
		for (int n; (n = in.read(buffer)) != -1;) {
			total += n;
			if (total > max) {
				throw tooLarge();
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
				"The body is larger than charter.devices.max-body (as sent) or charter.devices.max-inflated (inflated).");
	}
}
