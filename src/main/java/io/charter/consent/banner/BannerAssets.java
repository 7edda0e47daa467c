package io.charter.consent.banner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The banner's code and stylesheet as built: {@code banner/banner.min.js} (src/main/banner/banner.js
 * minified by the closure compiler during the Maven build), {@code banner/settings.min.js} (the second
 * layer and placeholders, from src/main/banner/settings.js, loaded after the first layer is drawn),
 * {@code banner/banner.css} (what the first
 * layer and the settings control need, carried in {@code banner.js}) and {@code banner/settings.css}
 * (the second layer and placeholders, loaded with the config), compacted here. The build id changes
 * with any of them, so URLs carrying it can be cached forever.
 */
@Component
class BannerAssets {

	/** The free name the minified code reads its boot data from (see src/main/banner/externs.js). */
	static final String BOOT = "__CHARTER_BOOT__";

	private final String code;
	private final String settingsCode;
	private final String firstCss;
	private final String css;
	private final String build;

	BannerAssets() {
		this(read("banner/banner.min.js"), read("banner/settings.min.js"), read("banner/banner.css"),
				read("banner/settings.css"));
	}

	BannerAssets(String code, String settingsCode, String firstCss, String settingsCss) {
		if (!code.contains(BOOT)) {
			throw new IllegalStateException("banner/banner.min.js does not read " + BOOT);
		}
		this.code = code.strip();
		this.settingsCode = settingsCode.strip();
		this.firstCss = compact(firstCss);
		this.css = (this.firstCss + compact(settingsCss)).strip();
		this.build = hash(this.code + "\n" + this.settingsCode + "\n" + this.css).substring(0, 12);
	}

	String code() {
		return code;
	}

	/** {@code settings.js}: the second layer and the placeholders. */
	String settingsCode() {
		return settingsCode;
	}

	/** The whole stylesheet: {@code banner.css?h=}, which the script loads with the config. */
	String css() {
		return css;
	}

	/** What the first layer and the settings control need, carried in {@code banner.js}. */
	String firstCss() {
		return firstCss;
	}

	String build() {
		return build;
	}

	/** Comments and needless white space out; the stylesheet is written readable, served small. */
	static String compact(String css) {
		return css.replaceAll("(?s)/\\*.*?\\*/", "")
				.replaceAll("\\s+", " ")
				.replaceAll(" ?([{};,>]) ?", "$1")
				.replaceAll(": ", ":")
				.replace(" !important", "!important")
				.replace(";}", "}")
				.strip();
	}

	/** URL-safe base64 of the SHA-256 of a text. */
	static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String read(String path) {
		ClassPathResource resource = new ClassPathResource(path);
		if (!resource.exists()) {
			throw new IllegalStateException(path + " is missing from the class path: it is made by the Maven build"
					+ " (mvn generate-resources minifies src/main/banner)");
		}
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
