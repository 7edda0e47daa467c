package io.charter.shared;

/**
 * A module's message bundle (its texts in en, fr and nl), contributed as a bean: the shell's
 * message source reads every contributed bundle, so a module's texts live with the module.
 *
 * @param basename the bundle on the class path, e.g. {@code i18n/rights}
 */
public record MessageBundle(String basename) {

	public MessageBundle {
		if (basename == null || basename.isBlank() || basename.endsWith(".properties")) {
			throw new IllegalArgumentException("A bundle's basename names it without .properties, e.g. i18n/rights");
		}
	}
}
