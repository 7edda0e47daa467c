package io.charter.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * Texts written in the console rather than in a bundle (the title of a policy document an
 * administrator created, in each language), contributed by the module that keeps them: the shell's
 * message source asks them for a key no bundle has, so a duty's or a control's title key reads the
 * same wherever it is shown. A contributor answers only keys under its own module's prefix, from an
 * index or memory, since it is asked on every such look-up.
 */
public interface WrittenTexts {

	/** The text of {@code key} in the language, or empty when this contributor did not write it. */
	Optional<String> text(String key, Locale locale);
}
