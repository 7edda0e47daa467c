package io.charter.consent.banner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

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

	/** For {@code banner.js}: revalidated at every use, so a publication reaches visitors at once. */
	static final String REVALIDATE = "no-cache";
	/** For the current version's config. */
	static final String SHORT = "public, max-age=60";
	/** For everything named by version or build. */
	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private static final Pattern REFUSED = Pattern.compile("q=0(\\.0*)?");

	/**
	 * 200 with the body in the encoding the client accepts (none for {@code HEAD}), or 304 when its
	 * {@code If-None-Match} names that representation.
	 */
	void write(HttpServletRequest request, HttpServletResponse response, String cacheControl) throws IOException {
		boolean gz = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		String tag = gz ? gzipEtag : etag;
		response.setHeader(HttpHeaders.ETAG, tag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		publicHeaders(response);
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), tag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(type.toString());
		if (gz) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		byte[] body = gz ? gzip : plain;
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	/** What every answer of the banner's public resources carries, a 503 included. */
	static void publicHeaders(HttpServletResponse response) {
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		// A site that isolates itself (COEP require-corp) may still load the banner.
		response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
		response.setHeader("X-Content-Type-Options", "nosniff");
		// Data and a script, never a document: nothing may run or frame it if opened directly.
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
	}

	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		if (acceptEncoding.indexOf(';') < 0) {
			return namesGzip(acceptEncoding);
		}
		for (String part : acceptEncoding.split(",")) {
			String[] params = part.trim().split(";");
			String coding = params[0].trim().toLowerCase();
			if (coding.equals("gzip") || coding.equals("x-gzip")) {
				return Arrays.stream(params).skip(1).map(String::trim)
						.noneMatch(p -> REFUSED.matcher(p.replace(" ", "")).matches());
			}
		}
		return false;
	}

	/**
	 * The common case, a list of codings without weights ({@code gzip, deflate, br, zstd}), read
	 * without allocating: it is parsed on every request of the busiest URLs.
	 */
	private static boolean namesGzip(String codings) {
		int start = 0;
		int length = codings.length();
		while (start <= length) {
			int end = codings.indexOf(',', start);
			if (end < 0) {
				end = length;
			}
			int from = start;
			int to = end;
			while (from < to && codings.charAt(from) <= ' ') {
				from++;
			}
			while (to > from && codings.charAt(to - 1) <= ' ') {
				to--;
			}
			if (to - from == 4 && codings.regionMatches(true, from, "gzip", 0, 4)
					|| to - from == 6 && codings.regionMatches(true, from, "x-gzip", 0, 6)) {
				return true;
			}
			start = end + 1;
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
