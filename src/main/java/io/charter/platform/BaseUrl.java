package io.charter.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where Charter is reached from outside ({@code charter.base-url}), for the links it sends and
 * shows: read once, without a trailing slash, so that {@code baseUrl.to("/path")} never doubles it.
 */
@Component
public class BaseUrl {

	private final String value;

	BaseUrl(@Value("${charter.base-url}") String value) {
		this.value = of(value);
	}

	/** The setting without its trailing slash. */
	static String of(String setting) {
		return setting.endsWith("/") ? setting.substring(0, setting.length() - 1) : setting;
	}

	/** The absolute URL of a path of Charter's, given with its leading slash. */
	public String to(String path) {
		return value + path;
	}

	@Override
	public String toString() {
		return value;
	}
}
