package io.charter.consent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One public banner resource (script, stylesheet, config) rendered once and kept with its gzip
 * form and strong ETags. The servlet container would not compress a response that has a strong
 * ETag, so Charter sends the precompressed bytes itself; each encoding has its own ETag.
 */
record BannerResource(MediaType type, byte[] plain, byte[] gzip, String etag, String gzipEtag) {

	static BannerResource of(MediaType type, String text) {
		byte[] plain = text.getBytes(StandardCharsets.UTF_8);
		String tag = BannerAssets.hash(text).substring(0, 22);
		return new BannerResource(type, plain, gzip(plain), "\"" + tag + "\"", "\"" + tag + "-gz\"");
	}

	/**
	 * 200 with the body in the encoding the client accepts, or 304 when its {@code If-None-Match}
	 * names that representation.
	 */
	ResponseEntity<byte[]> answer(String acceptEncoding, String ifNoneMatch, String cacheControl) {
		boolean gz = acceptsGzip(acceptEncoding);
		String tag = gz ? gzipEtag : etag;
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(tag);
		headers.setCacheControl(cacheControl);
		headers.setVary(java.util.List.of(HttpHeaders.ACCEPT_ENCODING));
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		// A site that isolates itself (COEP require-corp) may still load the banner.
		headers.set("Cross-Origin-Resource-Policy", "cross-origin");
		if (matches(ifNoneMatch, tag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}
		headers.setContentType(type);
		if (gz) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		byte[] body = gz ? gzip : plain;
		headers.setContentLength(body.length);
		return ResponseEntity.ok().headers(headers).body(body);
	}

	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] params = part.trim().split(";");
			String coding = params[0].trim().toLowerCase();
			if (coding.equals("gzip") || coding.equals("x-gzip")) {
				return Arrays.stream(params).skip(1).map(String::trim)
						.noneMatch(p -> p.replace(" ", "").matches("q=0(\\.0*)?"));
			}
		}
		return false;
	}

	static boolean matches(String ifNoneMatch, String tag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String c = candidate.trim();
			if (c.equals("*") || c.equals(tag) || c.equals("W/" + tag)) {
				return true;
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
		try (GZIPOutputStream gz = new GZIPOutputStream(out) {
			{
				def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gz.write(bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BannerResource r && r.etag.equals(etag) && r.type.equals(type);
	}

	@Override
	public int hashCode() {
		return etag.hashCode();
	}

	@Override
	public String toString() {
		return "BannerResource[" + type + ", " + plain.length + " B, " + etag + "]";
	}
}
