package io.charter.identity.web;

import java.util.List;

/**
 * A far-reaching action asked to be confirmed: its page says what will happen, and only its form
 * (which carries {@link io.charter.shared.Confirmed#FIELD}) does it. Works without JavaScript, so under the strict CSP.
 *
 * @param titleKey the question, with {@code subject} as its argument
 * @param subject what the action is about, as people know it (a user's or token's name)
 * @param consequenceKeys what will happen, one sentence each, with {@code subject} as argument
 * @param action where the form posts
 * @param submitKey the button that does it
 * @param cancel where "Cancel" leads, nothing done
 */
public record Confirmation(String titleKey, String subject, List<String> consequenceKeys, String action,
		String submitKey, String cancel) {
}
