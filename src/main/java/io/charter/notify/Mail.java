package io.charter.notify;

import java.util.Map;

/**
 * A message to send.
 *
 * @param to recipient address
 * @param template name of a template under {@code mail/} (e.g. {@code invitation})
 * @param language en, fr or nl; others fall back to en
 * @param params values for the template's {@code {{placeholders}}}
 */
public record Mail(String to, String template, String language, Map<String, String> params) {
}
